import { eq } from 'drizzle-orm';
import { type Actor, requireRole } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import {
  categories,
  queues,
  slaTargets,
  type Ticket,
  type TicketChangeField,
  ticketChanges,
  tickets,
  users,
} from '../db/schema/index.ts';
import { publishEvent } from '../events/publish.ts';
import { fieldError, parseInput } from '../validation.ts';
import { getTicket, type TicketDetail } from './get-ticket.ts';
import { loadVisibleTicket } from './load-ticket.ts';
import { updateTicketInput } from './schemas.ts';
import { queueIdsOf } from './scope.ts';
import { dueAt } from './sla.ts';
import { statusChange } from './status-change.ts';
import { assertTransition } from './transitions.ts';

interface Change {
  field: TicketChangeField;
  from: string | null;
  to: string | null;
}

/**
 * Changes status, priority, assignee, queue or category (staff only). Every change lands in the
 * timeline with who and when; an invalid status move is a 409 naming the allowed ones.
 */
export async function updateTicket(
  db: Database,
  actor: Actor,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<TicketDetail> {
  requireRole(actor, ['admin', 'technician']);
  const data = parseInput(updateTicketInput, input);

  await db.transaction(async (tx) => {
    const row = await loadVisibleTicket(tx, actor, id, { forUpdate: true });
    const before = row.ticket;
    let next: Ticket = { ...before };
    const changes: Change[] = [];

    if (data.status && data.status !== before.status) {
      assertTransition(before.status, data.status);
      next = { ...next, ...statusChange(next, data.status, now) };
      changes.push({ field: 'status', from: before.status, to: data.status });
    }

    if (data.priority && data.priority !== before.priority) {
      const [target] = await tx
        .select()
        .from(slaTargets)
        .where(eq(slaTargets.priority, data.priority));
      if (!target) throw new Error(`no SLA target for priority ${data.priority}`);
      next.priority = data.priority;
      next.firstResponseDueAt = dueAt(
        before.createdAt,
        target.firstResponseMinutes,
        next.slaPausedMs,
      );
      next.resolutionDueAt = dueAt(before.createdAt, target.resolutionMinutes, next.slaPausedMs);
      changes.push({ field: 'priority', from: before.priority, to: data.priority });
    }

    if (data.queueId && data.queueId !== before.queueId) {
      const [queue] = await tx.select().from(queues).where(eq(queues.id, data.queueId));
      if (!queue) throw fieldError('queueId', 'no queue with this id');
      next.queueId = queue.id;
      changes.push({ field: 'queue', from: row.queueName, to: queue.name });
    }

    if (data.categoryId !== undefined && data.categoryId !== before.categoryId) {
      let name: string | null = null;
      if (data.categoryId) {
        const [category] = await tx
          .select()
          .from(categories)
          .where(eq(categories.id, data.categoryId));
        if (!category) throw fieldError('categoryId', 'no category with this id');
        name = category.name;
      }
      next.categoryId = data.categoryId;
      changes.push({ field: 'category', from: row.categoryName, to: name });
    }

    if (data.assigneeId !== undefined && data.assigneeId !== before.assigneeId) {
      let name: string | null = null;
      if (data.assigneeId) {
        const [person] = await tx.select().from(users).where(eq(users.id, data.assigneeId));
        if (!person || (person.role !== 'admin' && person.role !== 'technician')) {
          throw fieldError('assigneeId', 'must be a technician or an admin');
        }
        const inQueue = next.queueId && (await queueIdsOf(tx, person.id)).includes(next.queueId);
        if (person.role === 'technician' && !inQueue) {
          throw fieldError('assigneeId', "must be a member of the ticket's queue");
        }
        name = person.name;
      }
      next.assigneeId = data.assigneeId;
      changes.push({ field: 'assignee', from: row.assigneeName, to: name });
    }

    if (changes.length === 0) return;
    await tx
      .update(tickets)
      .set({ ...next, id: undefined, updatedAt: now })
      .where(eq(tickets.id, id));
    await tx.insert(ticketChanges).values(
      changes.map((change) => ({
        ticketId: id,
        actorId: actor.userId,
        field: change.field,
        fromValue: change.from,
        toValue: change.to,
        createdAt: now,
      })),
    );
    await publishEvent(tx, {
      type: 'ticket.updated',
      companyId: next.companyId,
      queueId: next.queueId,
      requesterId: next.requesterId,
      staffOnly: false,
      data: { ticketId: id, number: next.number, fields: changes.map((change) => change.field) },
    });
    if (next.queueId !== before.queueId) {
      // The technicians of the queue it left must see it leave their lists.
      await publishEvent(tx, {
        type: 'ticket.updated',
        companyId: next.companyId,
        queueId: before.queueId,
        requesterId: null,
        staffOnly: true,
        data: { ticketId: id, number: next.number, fields: ['queue'] },
      });
    }
  });

  return getTicket(db, actor, id, now);
}
