import { type Actor, requireRole } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { type Company, companies } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { fieldError, parseInput } from '../validation.ts';
import { createCompanyInput, slugify, slugPattern } from './schemas.ts';

/** Creates a company (tenant). Admins only; a taken slug is a conflict. */
export async function createCompany(db: Database, actor: Actor, input: unknown): Promise<Company> {
  requireRole(actor, ['admin']);
  const { name, slug: givenSlug } = parseInput(createCompanyInput, input);

  const slug = givenSlug ?? slugify(name);
  if (!slugPattern.test(slug)) {
    throw fieldError('slug', 'cannot be derived from the name; give one');
  }

  try {
    const [company] = await db.insert(companies).values({ name, slug }).returning();
    if (!company) throw new Error('insert returned no row');
    return company;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `A company with slug "${slug}" already exists`);
    }
    throw error;
  }
}
