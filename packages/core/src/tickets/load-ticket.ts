import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { tickets } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { selectTickets, type TicketRow } from './present.ts';
import { visibleTickets } from './scope.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ticket `id` if the actor may see it. A ticket that does not exist and one of another
 * company or queue answer the same 404, so nobody learns which tickets exist. A machine session
 * is told plainly (403) that anything but its own tickets is off limits.
 */
export async function loadVisibleTicket(
  db: Database,
  actor: Actor,
  id: string,
  { forUpdate = false } = {},
): Promise<TicketRow> {
  const refusal = () =>
    actor.role === 'machine'
      ? new AppError('forbidden', 'A machine session only reaches its own tickets')
      : new AppError('not_found', 'Ticket not found');
  if (!uuidPattern.test(id)) throw refusal();

  const scope = await visibleTickets(db, actor);
  const query = selectTickets(db).where(and(eq(tickets.id, id), scope));
  // Inside a transaction that changes the ticket: lock its row so concurrent changes queue up.
  const [row] = forUpdate ? await query.for('update', { of: tickets }) : await query;
  if (!row) throw refusal();
  return row;
}
