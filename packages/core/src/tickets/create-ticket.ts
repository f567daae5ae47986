import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { isStaff } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import {
  categories,
  companies,
  queues,
  slaTargets,
  ticketChanges,
  tickets,
  users,
} from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { publishEvent } from '../events/publish.ts';
import { snapshotMachine } from '../machines/machine-context.ts';
import { fieldError, parseInput } from '../validation.ts';
import { getTicket, type TicketDetail } from './get-ticket.ts';
import { createTicketInput } from './schemas.ts';
import { queueIdsOf } from './scope.ts';
import { dueAt } from './sla.ts';

/** Who the ticket is for: the requester themself, or someone staff open it on behalf of. */
async function resolveRequester(
  db: Database,
  actor: Actor,
  input: { requesterId?: string; companyId?: string; queueId?: string },
): Promise<{ requesterId: string; companyId: string }> {
  if (actor.role === 'requester' || actor.role === 'machine') {
    for (const field of ['requesterId', 'companyId', 'queueId'] as const) {
      if (input[field]) throw new AppError('forbidden', `Only staff may set ${field}`);
    }
    if (!actor.companyId) throw new AppError('forbidden', 'You belong to no company');
    return { requesterId: actor.userId, companyId: actor.companyId };
  }
  if (!isStaff(actor)) throw new AppError('forbidden', 'You do not have permission to do this');

  if (!input.requesterId) {
    throw fieldError('requesterId', 'staff open tickets on behalf of a requester');
  }
  const [person] = await db
    .select({ companyId: users.companyId, role: users.role })
    .from(users)
    .where(eq(users.id, input.requesterId));
  if (!person?.companyId || person.role !== 'requester') {
    throw fieldError('requesterId', 'no requester with this id');
  }
  if (input.companyId && input.companyId !== person.companyId) {
    throw fieldError('companyId', "is not the requester's company");
  }
  return { requesterId: input.requesterId, companyId: person.companyId };
}

/**
 * Opens a ticket: the next number of its company, the default queue unless staff chose one,
 * due times from the SLA target of its priority, a "created" entry in its timeline and an
 * event for live pages — all in one transaction.
 */
export async function createTicket(
  db: Database,
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<TicketDetail> {
  const data = parseInput(createTicketInput, input);
  const { requesterId, companyId } = await resolveRequester(db, actor, data);
  // From a machine session the ticket is linked to the machine and keeps how it was right now.
  const machineId = actor.role === 'machine' ? (actor.machineId ?? null) : null;
  if (actor.role === 'machine' && !machineId) throw new AppError('forbidden', 'Unknown machine');
  const machineContext = machineId ? await snapshotMachine(db, machineId, now) : null;

  const id = await db.transaction(async (tx) => {
    const [queue] = await tx
      .select({ id: queues.id })
      .from(queues)
      .where(data.queueId ? eq(queues.id, data.queueId) : eq(queues.isDefault, true));
    if (data.queueId && !queue) throw fieldError('queueId', 'no queue with this id');
    // A technician opens tickets only where they can see them afterwards.
    if (
      actor.role === 'technician' &&
      queue &&
      !(await queueIdsOf(tx, actor.userId)).includes(queue.id)
    ) {
      throw fieldError('queueId', 'choose one of your queues');
    }

    if (data.categoryId) {
      const [category] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(eq(categories.id, data.categoryId));
      if (!category) throw fieldError('categoryId', 'no category with this id');
    }

    const [target] = await tx
      .select()
      .from(slaTargets)
      .where(eq(slaTargets.priority, data.priority));
    if (!target) throw new Error(`no SLA target for priority ${data.priority}`);

    // Taking the number updates the company's row, which also serialises concurrent openings.
    const [counter] = await tx
      .update(companies)
      .set({ nextTicketNumber: sql`${companies.nextTicketNumber} + 1` })
      .where(and(eq(companies.id, companyId)))
      .returning({ number: sql<number>`${companies.nextTicketNumber} - 1` });
    if (!counter) throw new AppError('not_found', 'Company not found');

    const [ticket] = await tx
      .insert(tickets)
      .values({
        companyId,
        number: counter.number,
        subject: data.subject,
        description: data.description,
        priority: data.priority,
        categoryId: data.categoryId ?? null,
        queueId: queue?.id ?? null,
        requesterId,
        machineId,
        machineContext,
        createdAt: now,
        updatedAt: now,
        firstResponseDueAt: dueAt(now, target.firstResponseMinutes, 0),
        resolutionDueAt: dueAt(now, target.resolutionMinutes, 0),
      })
      .returning({ id: tickets.id, number: tickets.number, queueId: tickets.queueId });
    if (!ticket) throw new Error('insert returned no row');

    await tx.insert(ticketChanges).values({
      ticketId: ticket.id,
      actorId: actor.userId,
      field: 'created',
      toValue: 'new',
      createdAt: now,
    });
    await publishEvent(tx, {
      type: 'ticket.created',
      companyId,
      queueId: ticket.queueId,
      requesterId,
      staffOnly: false,
      data: { ticketId: ticket.id, number: ticket.number },
    });
    return ticket.id;
  });

  return getTicket(db, actor, id, now);
}
