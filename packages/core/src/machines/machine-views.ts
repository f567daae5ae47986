import { and, asc, count, desc, eq, gt, ilike, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, requireRole } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import {
  companies,
  type Machine,
  type MachineToken,
  machineInventories,
  machineInventoryChanges,
  machineMetrics,
  machines,
  machineTokens,
} from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { publishEvent } from '../events/publish.ts';
import { parseInput } from '../validation.ts';
import type { HeartbeatInput } from './heartbeat-schema.ts';
import { heartbeatIntervalSeconds } from './register-machine.ts';

/**
 * Online while the last heartbeat is within two intervals plus a minute: one late or lost
 * heartbeat does not flip a machine offline.
 */
export const onlineWindowMs = (2 * heartbeatIntervalSeconds + 60) * 1000;

export type MachineStatus = 'online' | 'offline' | 'never-seen';

export function machineStatus(lastSeenAt: Date | null, now = new Date()): MachineStatus {
  if (!lastSeenAt) return 'never-seen';
  return now.getTime() - lastSeenAt.getTime() <= onlineWindowMs ? 'online' : 'offline';
}

export interface TokenState {
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  state: 'active' | 'expired' | 'revoked';
}

function tokenState(token: MachineToken | undefined, now: Date): TokenState | null {
  if (!token) return null;
  const state = token.revokedAt ? 'revoked' : token.expiresAt <= now ? 'expired' : 'active';
  return {
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    revokedReason: token.revokedReason,
    state,
  };
}

/** The few figures a fleet list shows of the latest heartbeat. */
export interface MetricsGlance {
  cpuPercent: number;
  memoryPercent: number | null;
  /** The fullest volume. */
  diskPercent: number | null;
}

function glance(metrics: unknown): MetricsGlance | null {
  const value = metrics as HeartbeatInput['metrics'] | null;
  if (!value) return null;
  const percent = (used: number, total: number) => (total > 0 ? (used / total) * 100 : null);
  const disks = value.disks
    .map((disk) => percent(disk.usedBytes, disk.totalBytes))
    .filter((share): share is number => share !== null);
  return {
    cpuPercent: value.cpuPercent,
    memoryPercent: percent(value.memory.usedBytes, value.memory.totalBytes),
    diskPercent: disks.length > 0 ? Math.max(...disks) : null,
  };
}

export interface MachineSummary {
  id: string;
  hostname: string;
  company: { id: string; name: string };
  os: { name: string; version: string; build: string | null; arch: string };
  agentVersion: string;
  fingerprintRule: Machine['fingerprintRule'];
  status: MachineStatus;
  lastSeenAt: string | null;
  enrolledAt: string;
  loggedInUser: string | null;
  metrics: MetricsGlance | null;
}

function summary(machine: Machine, companyName: string, now: Date): MachineSummary {
  return {
    id: machine.id,
    hostname: machine.hostname,
    company: { id: machine.companyId, name: companyName },
    os: {
      name: machine.osName,
      version: machine.osVersion,
      build: machine.osBuild,
      arch: machine.osArch,
    },
    agentVersion: machine.agentVersion,
    fingerprintRule: machine.fingerprintRule,
    status: machineStatus(machine.lastSeenAt, now),
    lastSeenAt: machine.lastSeenAt?.toISOString() ?? null,
    enrolledAt: machine.enrolledAt.toISOString(),
    loggedInUser: machine.loggedInUser,
    metrics: glance(machine.latestMetrics),
  };
}

export const listMachinesQuery = z.strictObject({
  companyId: z.uuid().optional(),
  q: z.string().trim().max(100).optional().describe('Part of the hostname'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Machines, newest enrolment first, filtered by company and hostname. Staff only. */
export async function listMachines(db: Database, actor: Actor, input: unknown, now = new Date()) {
  requireRole(actor, ['admin', 'technician']);
  const query = parseInput(listMachinesQuery, input);
  const filters: SQL[] = [];
  if (query.companyId) filters.push(eq(machines.companyId, query.companyId));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    filters.push(ilike(machines.hostname, pattern));
  }
  const where = and(...filters);

  const rows = await db
    .select({ machine: machines, companyName: companies.name })
    .from(machines)
    .innerJoin(companies, eq(companies.id, machines.companyId))
    .where(where)
    .orderBy(asc(machines.hostname), asc(machines.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ n: count() }).from(machines).where(where);
  return {
    machines: rows.map((row) => summary(row.machine, row.companyName, now)),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.n ?? 0,
  };
}

const notFound = () => new AppError('not_found', 'Machine not found');
/** How far back a machine's page charts its metrics. */
const historyMs = 24 * 3_600_000;

/** One machine: identity and why it is that machine, its token's state, its last inventory. */
export async function getMachine(db: Database, actor: Actor, id: string, now = new Date()) {
  requireRole(actor, ['admin', 'technician']);
  if (!z.uuid().safeParse(id).success) throw notFound();
  const [row] = await db
    .select({ machine: machines, companyName: companies.name })
    .from(machines)
    .innerJoin(companies, eq(companies.id, machines.companyId))
    .where(eq(machines.id, id));
  if (!row) throw notFound();

  const [token] = await db
    .select()
    .from(machineTokens)
    .where(eq(machineTokens.machineId, id))
    .orderBy(desc(machineTokens.createdAt))
    .limit(1);
  const [inventory] = await db
    .select()
    .from(machineInventories)
    .where(eq(machineInventories.machineId, id))
    .orderBy(desc(machineInventories.receivedAt))
    .limit(1);

  const history = await db
    .select()
    .from(machineMetrics)
    .where(
      and(
        eq(machineMetrics.machineId, id),
        gt(machineMetrics.bucket, new Date(now.getTime() - historyMs)),
      ),
    )
    .orderBy(asc(machineMetrics.bucket));
  const changes = await db
    .select()
    .from(machineInventoryChanges)
    .where(eq(machineInventoryChanges.machineId, id))
    .orderBy(desc(machineInventoryChanges.id))
    .limit(50);

  return {
    ...summary(row.machine, row.companyName, now),
    latestMetrics: row.machine.latestMetrics,
    history: history.map((sample) => ({
      at: sample.bucket.toISOString(),
      ...glance(sample.metrics),
    })),
    changes: changes.map((change) => ({
      kind: change.kind,
      name: change.name,
      from: change.fromValue,
      to: change.toValue,
      at: change.changedAt.toISOString(),
    })),
    identifiers: row.machine.identifiers,
    lastEnrolledAt: row.machine.lastEnrolledAt.toISOString(),
    token: tokenState(token, now),
    inventory: inventory
      ? {
          hash: inventory.hash,
          receivedAt: inventory.receivedAt.toISOString(),
          data: inventory.data,
        }
      : null,
  };
}

/** Revokes the machine's tokens; the next request with one is refused. Admins only. */
export async function revokeMachineToken(db: Database, actor: Actor, id: string) {
  requireRole(actor, ['admin']);
  if (!z.uuid().safeParse(id).success) throw notFound();
  await db.transaction(async (tx) => {
    const [machine] = await tx.select().from(machines).where(eq(machines.id, id)).for('update');
    if (!machine) throw notFound();
    await tx
      .update(machineTokens)
      .set({ revokedAt: new Date(), revokedReason: 'revoked by an admin' })
      .where(and(eq(machineTokens.machineId, id), isNull(machineTokens.revokedAt)));
    await publishEvent(tx, {
      type: 'machine.token_revoked',
      companyId: machine.companyId,
      queueId: null,
      requesterId: null,
      staffOnly: true,
      data: { machineId: id },
    });
  });
  return getMachine(db, actor, id);
}

/**
 * What a machine may know about itself (`chamados-agent status`): the server's view of its
 * identity and status. `lastSeenAt` is what is stored, which trails the latest heartbeat by up
 * to one write-behind interval.
 */
export async function getOwnMachine(db: Database, machineId: string, now = new Date()) {
  const [row] = await db
    .select({ machine: machines, companyName: companies.name })
    .from(machines)
    .innerJoin(companies, eq(companies.id, machines.companyId))
    .where(eq(machines.id, machineId));
  if (!row) throw notFound();
  const [inventory] = await db
    .select({ hash: machineInventories.hash, receivedAt: machineInventories.receivedAt })
    .from(machineInventories)
    .where(eq(machineInventories.machineId, machineId))
    .orderBy(desc(machineInventories.receivedAt))
    .limit(1);
  const { id, hostname, company, status, lastSeenAt } = summary(row.machine, row.companyName, now);
  return {
    id,
    hostname,
    company,
    status,
    lastSeenAt,
    inventoryReceivedAt: inventory?.receivedAt.toISOString() ?? null,
    inventoryHash: inventory?.hash ?? null,
  };
}
