import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, requireRole } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { type Category, categories } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { parseInput } from '../validation.ts';

export const createCategoryInput = z.strictObject({ name: z.string().trim().min(2).max(80) });

/** Every category; anyone signed in picks from them when opening a ticket. */
export function listCategories(db: Database): Promise<Category[]> {
  return db.select().from(categories).orderBy(asc(categories.name));
}

export async function createCategory(db: Database, actor: Actor, input: unknown) {
  requireRole(actor, ['admin']);
  const data = parseInput(createCategoryInput, input);
  try {
    const [category] = await db.insert(categories).values(data).returning();
    if (!category) throw new Error('insert returned no row');
    return category;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `A category named "${data.name}" already exists`);
    }
    throw error;
  }
}
