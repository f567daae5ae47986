import { asc, eq } from 'drizzle-orm';
import { type Actor, isStaff } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { ticketChanges, ticketComments, users } from '../db/schema/index.ts';
import type { MachineContext } from '../machines/machine-context.ts';
import { loadVisibleTicket } from './load-ticket.ts';
import { renderMarkdown } from './markdown.ts';
import { type TicketSummary, toTicketSummary } from './present.ts';

export interface TimelineComment {
  kind: 'comment';
  id: string;
  author: { id: string; name: string; role: string };
  body: string;
  html: string;
  internal: boolean;
  createdAt: string;
}

export interface TimelineChange {
  kind: 'change';
  id: number;
  actor: { id: string; name: string };
  field: string;
  from: string | null;
  to: string | null;
  createdAt: string;
}

export interface TicketDetail extends TicketSummary {
  /** The machine as it was when the ticket was opened from it (staff only). */
  machineContext: MachineContext | null;
  description: string;
  descriptionHtml: string;
  /** Replies, notes and changes, oldest first. */
  timeline: (TimelineComment | TimelineChange)[];
}

/** Changes a requester sees in the timeline; the team's routing (queue, category, hand-overs)
 * stays out of it. */
const requesterFields = ['created', 'status', 'priority'];

/**
 * One ticket with its timeline. Internal notes, and changes of queue, assignee and category,
 * are left out for anyone who is not staff.
 */
export async function getTicket(
  db: Database,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<TicketDetail> {
  const row = await loadVisibleTicket(db, actor, id);
  const staff = isStaff(actor);

  const comments = await db
    .select({ comment: ticketComments, name: users.name, role: users.role })
    .from(ticketComments)
    .innerJoin(users, eq(users.id, ticketComments.authorId))
    .where(eq(ticketComments.ticketId, id))
    .orderBy(asc(ticketComments.createdAt), asc(ticketComments.id));
  const changes = await db
    .select({ change: ticketChanges, name: users.name })
    .from(ticketChanges)
    .innerJoin(users, eq(users.id, ticketChanges.actorId))
    .where(eq(ticketChanges.ticketId, id))
    .orderBy(asc(ticketChanges.id));

  const timeline: TicketDetail['timeline'] = [
    ...comments
      .filter(({ comment }) => staff || !comment.internal)
      .map(({ comment, name, role }) => ({
        kind: 'comment' as const,
        id: comment.id,
        author: { id: comment.authorId, name, role },
        body: comment.body,
        html: renderMarkdown(comment.body),
        internal: comment.internal,
        createdAt: comment.createdAt.toISOString(),
      })),
    ...changes
      .filter(({ change }) => staff || requesterFields.includes(change.field))
      .map(({ change, name }) => ({
        kind: 'change' as const,
        id: change.id,
        actor: { id: change.actorId, name },
        field: change.field,
        from: change.fromValue,
        to: change.toValue,
        createdAt: change.createdAt.toISOString(),
      })),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  return {
    ...toTicketSummary(row, now),
    machineContext: staff ? (row.ticket.machineContext as MachineContext | null) : null,
    description: row.ticket.description,
    descriptionHtml: renderMarkdown(row.ticket.description),
    timeline,
  };
}
