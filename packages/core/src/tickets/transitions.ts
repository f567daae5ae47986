import type { TicketStatus } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

/**
 * Where each status may go. A resolved ticket may be reopened; closed is final.
 */
export const allowedTransitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

/** Throws a 409 naming the allowed statuses when `from → to` is not a valid move. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (from === to || allowedTransitions[from].includes(to)) return;
  const allowed = allowedTransitions[from];
  const list = allowed.length > 0 ? allowed.join(', ') : 'none (closed is final)';
  throw new AppError('conflict', `Cannot change status from ${from} to ${to}; allowed: ${list}`, {
    from,
    to,
    allowed,
  });
}
