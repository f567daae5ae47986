import type { Ticket } from '../db/schema/index.ts';

const minute = 60_000;

/** What a list shows of one SLA clock. */
export type SlaState = 'met' | 'breached' | 'near' | 'ok' | 'paused';

export interface SlaClock {
  dueAt: string;
  state: SlaState;
}

/** The share of the target left under which a clock counts as near breach. */
export const nearBreachShare = 0.25;

export function dueAt(createdAt: Date, targetMinutes: number, pausedMs: number): Date {
  return new Date(createdAt.getTime() + targetMinutes * minute + pausedMs);
}

/** Pause time including the current pause, if the ticket is pending now. */
export function pausedSoFar(ticket: Pick<Ticket, 'slaPausedMs' | 'slaPausedSince'>, now: Date) {
  const current = ticket.slaPausedSince ? now.getTime() - ticket.slaPausedSince.getTime() : 0;
  return ticket.slaPausedMs + Math.max(0, current);
}

function clock(
  due: Date,
  doneAt: Date | null,
  targetMs: number,
  paused: boolean,
  now: Date,
): SlaClock {
  const dueIso = due.toISOString();
  if (doneAt) return { dueAt: dueIso, state: doneAt <= due ? 'met' : 'breached' };
  if (now > due) return { dueAt: dueIso, state: 'breached' };
  if (paused) return { dueAt: dueIso, state: 'paused' };
  const left = due.getTime() - now.getTime();
  return { dueAt: dueIso, state: left < targetMs * nearBreachShare ? 'near' : 'ok' };
}

/**
 * Both SLA clocks of a ticket. While pending the clock is stopped: the due times shown are
 * pushed back by the pause so far.
 */
export function slaOf(
  ticket: Pick<
    Ticket,
    | 'createdAt'
    | 'firstResponseAt'
    | 'resolvedAt'
    | 'firstResponseDueAt'
    | 'resolutionDueAt'
    | 'slaPausedMs'
    | 'slaPausedSince'
  >,
  now = new Date(),
): { firstResponse: SlaClock; resolution: SlaClock } {
  const paused = ticket.slaPausedSince !== null;
  const shift = paused ? pausedSoFar(ticket, now) - ticket.slaPausedMs : 0;
  const firstDue = new Date(ticket.firstResponseDueAt.getTime() + shift);
  const resolutionDue = new Date(ticket.resolutionDueAt.getTime() + shift);
  const created = ticket.createdAt.getTime();
  return {
    firstResponse: clock(
      firstDue,
      ticket.firstResponseAt,
      ticket.firstResponseDueAt.getTime() - created - ticket.slaPausedMs,
      paused,
      now,
    ),
    resolution: clock(
      resolutionDue,
      ticket.resolvedAt,
      ticket.resolutionDueAt.getTime() - created - ticket.slaPausedMs,
      paused,
      now,
    ),
  };
}
