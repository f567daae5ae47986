import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
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

export function startStatusSweeper(handle: DatabaseHandle, logger: Logger, everyMs = 15_000) {
  const log = logger.child({ component: 'machine-status' });
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepMachineStatus(handle)
      .catch((error: unknown) => log.error({ err: error }, 'status sweep failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
