import { asc, count, eq } from 'drizzle-orm';
import { type Actor, requireRole } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { type Company, companies, users } from '../db/schema/index.ts';

export interface CompanySummary extends Company {
  userCount: number;
}

/** Every company with how many users belong to it, for the admin overview. Admins only. */
export async function listCompanySummaries(db: Database, actor: Actor): Promise<CompanySummary[]> {
  requireRole(actor, ['admin']);
  const rows = await db
    .select({ company: companies, userCount: count(users.id) })
    .from(companies)
    .leftJoin(users, eq(users.companyId, companies.id))
    .groupBy(companies.id)
    .orderBy(asc(companies.name));
  return rows.map(({ company, userCount }) => ({ ...company, userCount }));
}
