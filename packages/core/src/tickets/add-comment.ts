import { eq } from 'drizzle-orm';
import { type Actor, isStaff } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { type Ticket, ticketChanges, ticketComments, tickets } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { publishEvent } from '../events/publish.ts';
import { parseInput } from '../validation.ts';
import { getTicket, type TicketDetail } from './get-ticket.ts';
import { loadVisibleTicket } from './load-ticket.ts';
import { commentInput } from './schemas.ts';
import { statusChange } from './status-change.ts';

/**
 * Adds a public reply or an internal note. A requester's reply brings a pending or resolved
 * ticket back to open; the first public reply from staff stamps the first response and moves a
 * new ticket to open. Closed tickets take no more replies.
 */
export async function addComment(
  db: Database,
  actor: Actor,
  ticketId: string,
  input: unknown,
  now = new Date(),
): Promise<TicketDetail> {
  const data = parseInput(commentInput, input);
  const staff = isStaff(actor);
  if (data.internal && !staff) {
    throw new AppError('forbidden', 'Only staff may write internal notes');
  }

  await db.transaction(async (tx) => {
    const { ticket } = await loadVisibleTicket(tx, actor, ticketId, { forUpdate: true });
    if (ticket.status === 'closed') {
      throw new AppError('conflict', 'This ticket is closed and takes no more replies');
    }

    await tx.insert(ticketComments).values({
      ticketId,
      authorId: actor.userId,
      body: data.body,
      internal: data.internal,
      createdAt: now,
    });

    const next = nextState(ticket, staff, data.internal, now);
    await tx
      .update(tickets)
      .set({ ...next, updatedAt: now })
      .where(eq(tickets.id, ticketId));
    if (next.status && next.status !== ticket.status) {
      await tx.insert(ticketChanges).values({
        ticketId,
        actorId: actor.userId,
        field: 'status',
        fromValue: ticket.status,
        toValue: next.status,
        createdAt: now,
      });
    }

    await publishEvent(tx, {
      type: 'ticket.commented',
      companyId: ticket.companyId,
      queueId: ticket.queueId,
      requesterId: ticket.requesterId,
      // An internal note is news for staff only: not even its existence reaches a requester.
      staffOnly: data.internal,
      data: { ticketId, number: ticket.number, internal: data.internal },
    });
  });

  return getTicket(db, actor, ticketId, now);
}

function nextState(ticket: Ticket, staff: boolean, internal: boolean, now: Date): Partial<Ticket> {
  if (internal) return {};
  if (!staff) {
    const reopen = ticket.status === 'pending' || ticket.status === 'resolved';
    return reopen ? statusChange(ticket, 'open', now) : {};
  }
  return {
    ...(ticket.status === 'new' ? statusChange(ticket, 'open', now) : {}),
    firstResponseAt: ticket.firstResponseAt ?? now,
  };
}
