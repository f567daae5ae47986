import { randomUUID } from 'node:crypto';
import type { TicketChangeField, TicketPriority, TicketStatus } from '@chamados/core';
import {
  between,
  descriptionOf,
  internalNote,
  pick,
  pickProblem,
  type Random,
  requesterReply,
  staffReply,
  subjectOf,
  weighted,
} from './seed-text.ts';

// One ticket's life, generated the way the services would have written it: the same status
// moves, first response, SLA pauses and timeline rows that creating, replying and updating
// produce, so the database looks like a year of real use.

export interface Person {
  id: string;
  name: string;
}

export interface SeedQueue extends Person {
  /** Staff who work it; technicians are only ever assigned tickets of their queues. */
  members: Person[];
}

/** Rows in the shape of `jsonb_to_recordset`, keyed by column name. */
export interface TicketRow {
  id: string;
  company_id: string;
  number: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  category_id: string | null;
  queue_id: string;
  requester_id: string;
  assignee_id: string | null;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  first_response_due_at: string;
  resolution_due_at: string;
  sla_paused_ms: number;
  sla_paused_since: string | null;
}

export interface CommentRow {
  ticket_id: string;
  author_id: string;
  body: string;
  internal: boolean;
  created_at: string;
}

export interface ChangeRow {
  ticket_id: string;
  actor_id: string;
  field: TicketChangeField;
  from_value: string | null;
  to_value: string | null;
  created_at: string;
}

export interface TicketContext {
  companyId: string;
  number: number;
  requester: Person;
  createdAt: number;
  now: number;
  defaultQueue: SeedQueue;
  queues: Map<string, SeedQueue>;
  categories: Map<string, string>;
  /** SLA targets in minutes, by priority. */
  sla: Map<TicketPriority, { firstResponse: number; resolution: number }>;
}

export interface GeneratedTicket {
  ticket: TicketRow;
  comments: CommentRow[];
  changes: ChangeRow[];
}

type Step =
  | 'queue'
  | 'assign'
  | 'staffReply'
  | 'open'
  | 'requesterReply'
  | 'note'
  | 'pending'
  | 'resolve'
  | 'close';

/** The status each plain status step moves the ticket to. */
const statusAfter = {
  open: 'open',
  pending: 'pending',
  resolve: 'resolved',
  close: 'closed',
} as const satisfies Partial<Record<Step, TicketStatus>>;

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Older tickets are mostly closed; the backlog is recent. */
function statusFor(random: Random, ageMs: number): TicketStatus {
  if (ageMs < 2 * day) {
    return weighted(random, { new: 35, open: 35, pending: 15, resolved: 10, closed: 5 });
  }
  if (ageMs < 14 * day) {
    return weighted(random, { new: 5, open: 25, pending: 15, resolved: 25, closed: 30 });
  }
  return weighted(random, { new: 0.5, open: 3, pending: 2, resolved: 4.5, closed: 90 });
}

/** How long the ticket has been worked, by where it ended up. */
const spanOf: Record<TicketStatus, [number, number]> = {
  new: [5 * minute, 2 * hour],
  open: [30 * minute, 3 * day],
  pending: [hour, 4 * day],
  resolved: [hour, 5 * day],
  closed: [2 * hour, 12 * day],
};

function stepsFor(random: Random, status: TicketStatus, moved: boolean): Step[] {
  if (status === 'new') {
    const steps: Step[] = [];
    if (random() < 0.15) steps.push('assign');
    if (random() < 0.15) steps.push('requesterReply');
    if (random() < 0.1) steps.push('note');
    return steps;
  }

  const steps: Step[] = moved ? ['queue'] : [];
  steps.push('assign', random() < 0.85 ? 'staffReply' : 'open');
  const replies = between(random, 0, 3);
  for (let i = 0; i < replies; i++) steps.push(i % 2 === 0 ? 'requesterReply' : 'staffReply');
  // Some finished tickets waited on the requester for a while: the SLA clock stopped.
  if ((status === 'resolved' || status === 'closed') && random() < 0.1) {
    steps.push('pending', 'requesterReply');
  }
  const notes = random() < 0.3 ? between(random, 1, 2) : 0;
  for (let i = 0; i < notes; i++) steps.splice(between(random, 2, steps.length), 0, 'note');

  if (status === 'pending') steps.push('pending');
  if (status === 'resolved') steps.push('resolve');
  if (status === 'closed') {
    const closing: Step[] = random() < 0.8 ? ['resolve', 'close'] : ['close'];
    steps.push(...closing);
  }
  return steps;
}

/** `count` increasing times after `start`, the last one exactly at `end`. */
function timesBetween(random: Random, start: number, end: number, count: number): number[] {
  const times = Array.from({ length: count - 1 }, () => start + random() * (end - start));
  return [...times.sort((a, b) => a - b), end].map(Math.round);
}

const iso = (ms: number) => new Date(ms).toISOString();
const stamp = (ms: number | null) => (ms === null ? null : iso(ms));

/** What a ticket's steps build up: its rows in the timeline and the columns they change. */
class TicketLife {
  readonly comments: CommentRow[] = [];
  readonly changes: ChangeRow[] = [];
  status: TicketStatus = 'new';
  assignee: Person | null = null;
  firstResponseAt: number | null = null;
  resolvedAt: number | null = null;
  closedAt: number | null = null;
  pausedMs = 0;
  pausedSince: number | null = null;

  constructor(readonly ticketId: string) {}

  change(at: number, actor: Person, field: TicketChangeField, from: string | null, to: string) {
    this.changes.push({
      ticket_id: this.ticketId,
      actor_id: actor.id,
      field,
      from_value: from,
      to_value: to,
      created_at: iso(at),
    });
  }

  comment(at: number, author: Person, body: string, internal = false) {
    this.comments.push({
      ticket_id: this.ticketId,
      author_id: author.id,
      body,
      internal,
      created_at: iso(at),
    });
  }

  /** The columns the services' status change sets: pauses, resolution and closing stamps. */
  moveTo(at: number, actor: Person, to: TicketStatus) {
    this.change(at, actor, 'status', this.status, to);
    if (this.pausedSince !== null && to !== 'pending') {
      this.pausedMs += at - this.pausedSince;
      this.pausedSince = null;
    }
    if (to === 'pending') this.pausedSince = at;
    if (to === 'open' || to === 'pending') this.resolvedAt = null;
    if (to === 'resolved') this.resolvedAt ??= at;
    if (to === 'closed') {
      this.closedAt = at;
      this.resolvedAt ??= at;
    }
    this.status = to;
  }
}

interface Cast {
  staff: Person;
  requester: Person;
  from: SeedQueue;
  to: SeedQueue;
}

/** One step, as replying and updating would record it (a staff reply opens a new ticket…). */
function live(random: Random, life: TicketLife, step: Step, at: number, cast: Cast): void {
  const { staff, requester } = cast;
  switch (step) {
    case 'queue':
      life.change(at, staff, 'queue', cast.from.name, cast.to.name);
      break;
    case 'assign':
      life.assignee = staff;
      life.change(at, staff, 'assignee', null, staff.name);
      break;
    case 'staffReply':
      life.comment(at, staff, staffReply(random));
      life.firstResponseAt ??= at;
      if (life.status === 'new') life.moveTo(at, staff, 'open');
      break;
    case 'requesterReply':
      life.comment(at, requester, requesterReply(random));
      if (life.status === 'pending' || life.status === 'resolved') {
        life.moveTo(at, requester, 'open');
      }
      break;
    case 'note':
      life.comment(at, staff, internalNote(random), true);
      break;
    default:
      life.moveTo(at, staff, statusAfter[step]);
  }
}

/** One ticket with its replies, notes and timeline, consistent with the services' rules. */
export function generateTicket(random: Random, context: TicketContext): GeneratedTicket {
  const problem = pickProblem(random);
  const priority = weighted(random, { low: 25, medium: 50, high: 18, urgent: 7 });
  const created = context.createdAt;
  const status = statusFor(random, context.now - created);
  const target = context.sla.get(priority);
  if (!target) throw new Error(`no SLA target for priority ${priority}`);

  const finalQueue = context.queues.get(problem.queue) ?? context.defaultQueue;
  // Requesters open tickets in the default queue; staff move most of them to the right one.
  const staysInDefault = status === 'new' ? random() < 0.8 : random() < 0.05;
  const queue = staysInDefault ? context.defaultQueue : finalQueue;
  const openedByStaff = status !== 'new' && random() < 0.3;
  const moved = queue !== context.defaultQueue && !openedByStaff;
  const cast = {
    staff: pick(random, queue.members),
    requester: context.requester,
    from: context.defaultQueue,
    to: queue,
  };

  const life = new TicketLife(randomUUID());
  life.change(created, openedByStaff ? cast.staff : cast.requester, 'created', null, 'new');
  const steps = stepsFor(random, status, moved);
  const [minSpan, maxSpan] = spanOf[status];
  const span = Math.min(minSpan + random() * (maxSpan - minSpan), (context.now - created) * 0.95);
  const times = steps.length > 0 ? timesBetween(random, created, created + span, steps.length) : [];
  for (const [index, step] of steps.entries())
    live(random, life, step, times[index] ?? created, cast);

  const ticket: TicketRow = {
    id: life.ticketId,
    company_id: context.companyId,
    number: context.number,
    subject: subjectOf(random, problem),
    description: descriptionOf(random, problem, context.requester.name),
    status: life.status,
    priority,
    category_id: random() < 0.85 ? (context.categories.get(problem.category) ?? null) : null,
    queue_id: queue.id,
    requester_id: context.requester.id,
    assignee_id: life.assignee?.id ?? null,
    created_at: iso(created),
    updated_at: iso(times.at(-1) ?? created),
    first_response_at: stamp(life.firstResponseAt),
    resolved_at: stamp(life.resolvedAt),
    closed_at: stamp(life.closedAt),
    first_response_due_at: iso(created + target.firstResponse * minute + life.pausedMs),
    resolution_due_at: iso(created + target.resolution * minute + life.pausedMs),
    sla_paused_ms: life.pausedMs,
    sla_paused_since: stamp(life.pausedSince),
  };
  return { ticket, comments: life.comments, changes: life.changes };
}
