import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { companies } from './companies.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const ticketStatuses = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketPriorities = ['low', 'medium', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

/** A queue groups tickets for the technicians who are its members. */
export const queues = pgTable(
  'queues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    description: text('description').notNull().default(''),
    /** Tickets opened without a queue land here; at most one queue is the default. */
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('queues_single_default_idx').on(table.isDefault).where(sql`${table.isDefault}`),
  ],
);

export const queueMembers = pgTable(
  'queue_members',
  {
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.queueId, table.userId] }),
    index('queue_members_user_id_idx').on(table.userId),
  ],
);

export const categories = pgTable('categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

/** Targets per priority, in minutes of wall-clock time (the clock stops while pending). */
export const slaTargets = pgTable('sla_targets', {
  priority: text('priority', { enum: ticketPriorities }).primaryKey(),
  firstResponseMinutes: integer('first_response_minutes').notNull(),
  resolutionMinutes: integer('resolution_minutes').notNull(),
});

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    /** Sequential per company, shown as #1042. */
    number: integer('number').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ticketStatuses }).notNull().default('new'),
    priority: text('priority', { enum: ticketPriorities }).notNull().default('medium'),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
    queueId: uuid('queue_id').references(() => queues.id, { onDelete: 'set null' }),
    requesterId: text('requester_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** The machine the ticket was opened from, when it came from a machine session. */
    machineId: uuid('machine_id'),
    /** The machine as it was when the ticket was opened: status, load, disks, recent changes. */
    machineContext: jsonb('machine_context'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }).notNull(),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }).notNull(),
    /** Time spent pending so far, which pushes the due times back. */
    slaPausedMs: bigint('sla_paused_ms', { mode: 'number' }).notNull().default(0),
    /** Set while the ticket is pending: the SLA clock is stopped since then. */
    slaPausedSince: timestamp('sla_paused_since', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('tickets_company_number_idx').on(table.companyId, table.number),
    index('tickets_updated_at_idx').on(table.updatedAt, table.id),
    index('tickets_status_updated_at_idx').on(table.status, table.updatedAt),
    index('tickets_queue_updated_at_idx').on(table.queueId, table.updatedAt),
    index('tickets_requester_updated_at_idx').on(table.requesterId, table.updatedAt),
    index('tickets_assignee_updated_at_idx').on(table.assigneeId, table.updatedAt),
    index('tickets_company_updated_at_idx').on(table.companyId, table.updatedAt),
    index('tickets_machine_updated_at_idx').on(table.machineId, table.updatedAt),
    // The "due soonest" sort of the open work.
    index('tickets_open_due_idx')
      .on(table.resolutionDueAt, table.id)
      .where(sql`${table.status} in ('new', 'open', 'pending')`),
    index('tickets_search_idx').using(
      'gin',
      sql`to_tsvector('simple', ${table.subject} || ' ' || ${table.description})`,
    ),
    check('tickets_number_check', sql`${table.number} > 0`),
  ],
);

export const ticketComments = pgTable(
  'ticket_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    /** Internal notes are for staff only: never shown, sent or exported to a requester. */
    internal: boolean('internal').notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    index('ticket_comments_ticket_idx').on(table.ticketId, table.createdAt),
    index('ticket_comments_search_idx')
      .using('gin', sql`to_tsvector('simple', ${table.body})`)
      .where(sql`${table.internal} = false`),
  ],
);

export const ticketChangeFields = [
  'created',
  'status',
  'priority',
  'assignee',
  'queue',
  'category',
] as const;
export type TicketChangeField = (typeof ticketChangeFields)[number];

/** The ticket's timeline: every change, who made it and when. */
export const ticketChanges = pgTable(
  'ticket_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    field: text('field', { enum: ticketChangeFields }).notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    createdAt: createdAt(),
  },
  (table) => [index('ticket_changes_ticket_idx').on(table.ticketId, table.id)],
);

/**
 * The event log behind the live stream: every change that a page may want to show is written
 * here in the same transaction, then announced with NOTIFY. Reconnecting clients resume from
 * the last id they saw. The scope columns let the stream filter by the same rules as the API.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    companyId: uuid('company_id'),
    queueId: uuid('queue_id'),
    requesterId: text('requester_id'),
    /** Only staff may receive it (internal notes, staff-only changes). */
    staffOnly: boolean('staff_only').notNull().default(false),
    data: jsonb('data').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('events_created_at_idx').on(table.createdAt)],
);

export type Ticket = typeof tickets.$inferSelect;
export type TicketComment = typeof ticketComments.$inferSelect;
export type Queue = typeof queues.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type SlaTarget = typeof slaTargets.$inferSelect;
export type EventRow = typeof events.$inferSelect;
