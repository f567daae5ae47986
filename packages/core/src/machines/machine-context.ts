import { and, desc, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { machineInventoryChanges, machines } from '../db/schema/index.ts';
import type { HeartbeatInput } from './heartbeat-schema.ts';
import { machineStatus } from './machine-views.ts';

/** Inventory changes this recent go into a ticket's snapshot of its machine. */
const recentChangesMs = 7 * 24 * 3_600_000;

export interface MachineContext {
  hostname: string;
  status: ReturnType<typeof machineStatus>;
  lastSeenAt: string | null;
  os: string;
  agentVersion: string;
  loggedInUser: string | null;
  cpuPercent: number | null;
  load: number[] | null;
  memory: { usedBytes: number; totalBytes: number } | null;
  disks: { mount: string; freeBytes: number; totalBytes: number }[];
  recentChanges: {
    kind: string;
    name: string;
    from: string | null;
    to: string | null;
    at: string;
  }[];
}

/**
 * The machine as it is now, kept on a ticket opened from it: online or not, last heartbeat,
 * load, memory, free disk, who is logged in, and what changed in its inventory lately.
 */
export async function snapshotMachine(
  db: Database,
  machineId: string,
  now = new Date(),
): Promise<MachineContext> {
  const [machine] = await db.select().from(machines).where(eq(machines.id, machineId));
  if (!machine) throw new Error(`machine ${machineId} vanished`);
  const changes = await db
    .select()
    .from(machineInventoryChanges)
    .where(
      and(
        eq(machineInventoryChanges.machineId, machineId),
        gt(machineInventoryChanges.changedAt, new Date(now.getTime() - recentChangesMs)),
      ),
    )
    .orderBy(desc(machineInventoryChanges.id))
    .limit(20);

  const metrics = machine.latestMetrics as HeartbeatInput['metrics'] | null;
  return {
    hostname: machine.hostname,
    status: machineStatus(machine.lastSeenAt, now),
    lastSeenAt: machine.lastSeenAt?.toISOString() ?? null,
    os: [machine.osName, machine.osVersion, machine.osBuild].filter(Boolean).join(' '),
    agentVersion: machine.agentVersion,
    loggedInUser: machine.loggedInUser,
    cpuPercent: metrics?.cpuPercent ?? null,
    load: metrics?.load ?? null,
    memory: metrics?.memory ?? null,
    disks: (metrics?.disks ?? []).map((disk) => ({
      mount: disk.mount,
      freeBytes: Math.max(0, disk.totalBytes - disk.usedBytes),
      totalBytes: disk.totalBytes,
    })),
    recentChanges: changes.map((change) => ({
      kind: change.kind,
      name: change.name,
      from: change.fromValue,
      to: change.toValue,
      at: change.changedAt.toISOString(),
    })),
  };
}
