import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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

/**
 * Per-company secrets a machine presents once to enrol. Only a SHA-256 hash is kept; the
 * secret itself is shown to the admin once, when created.
 */
export const enrollmentSecrets = pgTable(
  'enrollment_secrets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    useCount: integer('use_count').notNull().default(0),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('enrollment_secrets_company_idx').on(table.companyId)],
);

export const fingerprintRules = ['system-uuid', 'serial', 'machine-id', 'mac'] as const;
export type FingerprintRule = (typeof fingerprintRules)[number];

/** A managed computer. Its identity is the fingerprint, unique within its company. */
export const machines = pgTable(
  'machines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    /** The machine's own auth user (role `machine`), for its helpdesk sessions. */
    userId: text('user_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'restrict' }),
    hostname: text('hostname').notNull(),
    osName: text('os_name').notNull(),
    osVersion: text('os_version').notNull(),
    osBuild: text('os_build'),
    osArch: text('os_arch').notNull(),
    agentVersion: text('agent_version').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** Which identifier the fingerprint came from, so an admin can see why machines merged. */
    fingerprintRule: text('fingerprint_rule', { enum: fingerprintRules }).notNull(),
    /** The identifiers as reported, placeholders included, for the admin to read. */
    identifiers: jsonb('identifiers').notNull(),
    enrolledAt: createdAt(),
    lastEnrolledAt: timestamp('last_enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** The latest heartbeat's metrics, as the agent sent them. */
    latestMetrics: jsonb('latest_metrics'),
    loggedInUser: text('logged_in_user'),
    /** Online as the sweeper last saw it; its changes become events. */
    online: boolean('online').notNull().default(false),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('machines_company_fingerprint_idx').on(table.companyId, table.fingerprint),
    index('machines_company_hostname_idx').on(table.companyId, table.hostname),
  ],
);

/** Per-machine credentials: only the SHA-256 of the token is stored. */
export const machineTokens = pgTable(
  'machine_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    machineId: uuid('machine_id')
      .notNull()
      .references(() => machines.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (table) => [
    index('machine_tokens_machine_idx').on(table.machineId, table.createdAt),
    index('machine_tokens_active_idx').on(table.machineId).where(sql`${table.revokedAt} is null`),
  ],
);

export type Machine = typeof machines.$inferSelect;
export type MachineToken = typeof machineTokens.$inferSelect;
export type EnrollmentSecret = typeof enrollmentSecrets.$inferSelect;

/** Full inventories as machines sent them, newest last; the hash tells when one changed. */
export const machineInventories = pgTable(
  'machine_inventories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    machineId: uuid('machine_id')
      .notNull()
      .references(() => machines.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull(),
    data: jsonb('data').notNull(),
    receivedAt: createdAt(),
  },
  (table) => [index('machine_inventories_machine_idx').on(table.machineId, table.receivedAt)],
);

/** Heartbeat metrics downsampled to one sample per machine per five minutes. */
export const machineMetrics = pgTable(
  'machine_metrics',
  {
    machineId: uuid('machine_id')
      .notNull()
      .references(() => machines.id, { onDelete: 'cascade' }),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    metrics: jsonb('metrics').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.machineId, table.bucket] }),
    index('machine_metrics_bucket_idx').on(table.bucket),
  ],
);

export const inventoryChangeKinds = [
  'software-added',
  'software-removed',
  'software-updated',
  'hardware',
  'os',
] as const;

/** What changed between two inventories of a machine. */
export const machineInventoryChanges = pgTable(
  'machine_inventory_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    machineId: uuid('machine_id')
      .notNull()
      .references(() => machines.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: inventoryChangeKinds }).notNull(),
    name: text('name').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    changedAt: createdAt(),
  },
  (table) => [index('machine_inventory_changes_machine_idx').on(table.machineId, table.id)],
);
