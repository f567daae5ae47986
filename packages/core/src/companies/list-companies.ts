import { asc, eq } from 'drizzle-orm';
import { type Actor, isStaff } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { type Company, companies } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

/** Staff see every company; anyone else sees only their own. */
export async function listCompanies(db: Database, actor: Actor): Promise<Company[]> {
  if (isStaff(actor)) {
    return db.select().from(companies).orderBy(asc(companies.name));
  }
  if (actor.role === 'machine')
    throw new AppError('forbidden', 'You do not have permission to do this');
  if (!actor.companyId) return [];
  return db.select().from(companies).where(eq(companies.id, actor.companyId));
}
