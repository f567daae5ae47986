import { and, desc, lt, notInArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import { machineInventories, machineMetrics } from '../db/schema/index.ts';
import { publishEvent } from '../events/publish.ts';
import type { Logger } from '../logger.ts';
import { onlineWindowMs } from './machine-views.ts';

/**
 * Turns last-seen times into offline / back-online events. Each transition is one conditional
 * UPDATE, so with several processes sweeping the same database exactly one of them records it.
 */
export async function sweepMachineStatus(handle: DatabaseHandle, now = new Date()) {
  const cutoff = new Date(now.getTime() - onlineWindowMs).toISOString();
  return handle.db.transaction(async (tx) => {
    const changed = await queryRows<{ id: string; company_id: string; online: boolean }>(
      tx,
      sql`update machines set online = not online, status_changed_at = ${now.toISOString()}
          where (online and (last_seen_at is null or last_seen_at < ${cutoff}))
             or (not online and last_seen_at >= ${cutoff})
          returning id, company_id, online`,
    );
    for (const machine of changed) {
      await publishEvent(tx, {
        type: machine.online ? 'machine.online' : 'machine.offline',
        companyId: machine.company_id,
        queueId: null,
        requesterId: null,
        staffOnly: true,
        data: { machineId: machine.id },
      });
    }
    return changed.length;
  });
}

/**
 * Drops heartbeat samples older than the retention, and inventories older than it except each
 * machine's latest (the change log keeps what changed).
 */
export async function pruneMachineHistory(handle: DatabaseHandle, retentionDays: number) {
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  const { db } = handle;
  await db.delete(machineMetrics).where(lt(machineMetrics.bucket, cutoff));
  const latest = db
    .selectDistinctOn([machineInventories.machineId], { id: machineInventories.id })
    .from(machineInventories)
    .orderBy(machineInventories.machineId, desc(machineInventories.receivedAt));
  await db
    .delete(machineInventories)
    .where(
      and(lt(machineInventories.receivedAt, cutoff), notInArray(machineInventories.id, latest)),
    );
}

const pruneEveryMs = 3_600_000;

export function startStatusSweeper(
  handle: DatabaseHandle,
  logger: Logger,
  { retentionDays, everyMs = 15_000 }: { retentionDays: number; everyMs?: number },
) {
  const log = logger.child({ component: 'machine-status' });
  let running = false;
  let prunedAt = 0;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const prune = Date.now() - prunedAt > pruneEveryMs;
    if (prune) prunedAt = Date.now();
    sweepMachineStatus(handle)
      .then(() => (prune ? pruneMachineHistory(handle, retentionDays) : undefined))
      .catch((error: unknown) => log.error({ err: error }, 'machine status sweep failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
