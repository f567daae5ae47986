import { and, desc, lt, notInArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import { machineInventories, machineMetrics } from '../db/schema/index.ts';
import { eventChannel } from '../events/publish.ts';
import type { Logger } from '../logger.ts';
import { onlineWindowMs } from './machine-views.ts';

/**
 * Turns last-seen times into offline / back-online events. One statement flips the machines,
 * records an event per flip and announces each (NOTIFY reaches listeners on commit), so a
 * whole fleet coming back after a restart costs one round trip, not two per machine. With
 * several processes sweeping the same database, the conditional UPDATE lets exactly one of
 * them record each transition.
 */
export async function sweepMachineStatus(handle: DatabaseHandle, now = new Date()) {
  const cutoff = new Date(now.getTime() - onlineWindowMs).toISOString();
  const [result] = await queryRows<{ changed: number }>(
    handle.db,
    sql`with changed as (
          update machines set online = not online, status_changed_at = ${now.toISOString()}
          where (online and (last_seen_at is null or last_seen_at < ${cutoff}))
             or (not online and last_seen_at >= ${cutoff})
          returning id, company_id, online
        ), recorded as (
          insert into events (type, company_id, queue_id, requester_id, staff_only, data)
          select case when online then 'machine.online' else 'machine.offline' end,
            company_id, null, null, true, jsonb_build_object('machineId', id)
          from changed
          returning *
        ), announced as (
          select pg_notify(${eventChannel}, json_build_object(
            'id', id, 'type', type, 'companyId', company_id, 'queueId', queue_id,
            'requesterId', requester_id, 'staffOnly', staff_only, 'data', data,
            'createdAt', to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
          )::text)
          from recorded
        )
        select (select count(*) from announced)::int as changed`,
  );
  return result?.changed ?? 0;
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
