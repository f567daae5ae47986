import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { queueMembers, tickets } from '../db/schema/index.ts';

/** The queues a technician works. */
export async function queueIdsOf(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ queueId: queueMembers.queueId })
    .from(queueMembers)
    .where(eq(queueMembers.userId, userId));
  return rows.map((row) => row.queueId);
}

/**
 * The tickets an actor may see, as a condition on `tickets`. Every ticket query includes it:
 * admins see all; technicians the tickets of their queues; requesters their own (their
 * company's with the company-manager flag); anyone else nothing.
 */
export async function visibleTickets(db: Database, actor: Actor): Promise<SQL> {
  switch (actor.role) {
    case 'admin':
      return sql`true`;
    case 'technician': {
      const queueIds = await queueIdsOf(db, actor.userId);
      return queueIds.length > 0 ? inArray(tickets.queueId, queueIds) : sql`false`;
    }
    case 'requester':
      if (actor.isCompanyManager && actor.companyId) {
        return eq(tickets.companyId, actor.companyId);
      }
      return and(
        eq(tickets.requesterId, actor.userId),
        actor.companyId ? eq(tickets.companyId, actor.companyId) : sql`false`,
      ) as SQL;
    case 'machine':
      // A machine session sees only the tickets opened from its own machine.
      return actor.machineId ? eq(tickets.machineId, actor.machineId) : sql`false`;
    default:
      return sql`false`;
  }
}
