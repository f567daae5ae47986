import type { Ticket, TicketStatus } from '../db/schema/index.ts';

type StatusFields = Pick<
  Ticket,
  | 'status'
  | 'resolvedAt'
  | 'closedAt'
  | 'slaPausedMs'
  | 'slaPausedSince'
  | 'firstResponseDueAt'
  | 'resolutionDueAt'
>;

/**
 * The columns that change with the status. Entering `pending` stops the SLA clock; leaving it
 * adds the pause to the paused total and pushes both due times back by it. Resolving stamps
 * the resolution time, reopening clears it, closing stamps both.
 */
export function statusChange(ticket: StatusFields, to: TicketStatus, now: Date): StatusFields {
  // Only these columns: the caller spreads the result over an update.
  const next: StatusFields = {
    status: to,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    slaPausedMs: ticket.slaPausedMs,
    slaPausedSince: ticket.slaPausedSince,
    firstResponseDueAt: ticket.firstResponseDueAt,
    resolutionDueAt: ticket.resolutionDueAt,
  };

  if (to === 'pending' && !ticket.slaPausedSince) next.slaPausedSince = now;
  if (to !== 'pending' && ticket.slaPausedSince) {
    const paused = Math.max(0, now.getTime() - ticket.slaPausedSince.getTime());
    next.slaPausedMs = ticket.slaPausedMs + paused;
    next.slaPausedSince = null;
    next.firstResponseDueAt = new Date(ticket.firstResponseDueAt.getTime() + paused);
    next.resolutionDueAt = new Date(ticket.resolutionDueAt.getTime() + paused);
  }

  if (to === 'resolved') next.resolvedAt = ticket.resolvedAt ?? now;
  if (to === 'open' || to === 'new' || to === 'pending') next.resolvedAt = null;
  if (to === 'closed') {
    next.closedAt = now;
    next.resolvedAt = ticket.resolvedAt ?? now;
  }
  return next;
}
