import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { type Actor, requireRole } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { parseInput } from '../validation.ts';
import { type PublicUser, toPublicUser } from './public-user.ts';
import { listUsersQuery } from './schemas.ts';

/** Lists users, newest first, filtered by role and company. Admins only. */
export async function listUsers(
  db: Database,
  actor: Actor,
  query: unknown,
): Promise<{ users: PublicUser[]; limit: number; offset: number }> {
  requireRole(actor, ['admin']);
  const { role, companyId, limit, offset } = parseInput(listUsersQuery, query);

  const filters: SQL[] = [];
  if (role) filters.push(eq(users.role, role));
  if (companyId) filters.push(eq(users.companyId, companyId));

  const rows = await db
    .select()
    .from(users)
    .where(and(...filters))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit)
    .offset(offset);
  return { users: rows.map(toPublicUser), limit, offset };
}

/** Requesters staff may open a ticket for: name, email and company, by name. Staff only. */
export async function listRequesterChoices(db: Database, actor: Actor, limit = 500) {
  requireRole(actor, ['admin', 'technician']);
  return db
    .select({ id: users.id, name: users.name, email: users.email, companyId: users.companyId })
    .from(users)
    .where(eq(users.role, 'requester'))
    .orderBy(asc(users.name))
    .limit(limit);
}
