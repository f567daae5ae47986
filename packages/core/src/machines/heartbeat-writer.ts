import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { TokenEntry } from './token-cache.ts';

/** One sample per machine per this many seconds is kept as history. */
export const metricsBucketSeconds = 300;

/** A token's expiry is slid forward at most this often: a 30-day TTL needs no finer steps. */
const slideEveryMs = 3_600_000;

interface PendingBeat {
  /**
   * The row as JSON, serialised when the heartbeat arrives: the flush then only joins strings
   * instead of serialising thousands of objects at once while requests wait.
   */
  json: string;
  /** Whether this batch slides the token's expiry (hourly, not every heartbeat). */
  slide: boolean;
  /** Whether this heartbeat opens a new history bucket for its machine. */
  sample: boolean;
}

/**
 * Heartbeats are the hottest traffic: answering each with its own UPDATE would make the
 * database the limit. Instead the latest heartbeat of each machine waits in memory and all of
 * them are written once a second in one statement: last-seen, latest metrics, the token's
 * sliding expiry, and the downsampled metrics history. The batch travels as one JSON document
 * (a `jsonb_to_recordset`), which the driver sends as one string rather than thousands of
 * parameters. A crash loses at most one interval of last-seen times and metrics; issuing or
 * revoking a token and storing an inventory are never written behind.
 */
export function createHeartbeatWriter(
  handle: DatabaseHandle,
  options: { tokenTtlMs: number; logger: Logger; flushEveryMs?: number },
) {
  const log = options.logger.child({ component: 'heartbeats' });
  let pending = new Map<string, PendingBeat>();
  let flushing: Promise<void> = Promise.resolve();
  // What was last written per token and machine, so most batches only touch last-seen: the
  // database does a third of the work it would if every heartbeat slid the token and sampled.
  const slidAt = new Map<string, number>();
  const sampledBucket = new Map<string, number>();

  async function write(batch: PendingBeat[]): Promise<void> {
    const json = `[${batch.map((beat) => beat.json).join(',')}]`;
    const ttl = `${options.tokenTtlMs} milliseconds`;
    await handle.db.execute(sql`
      with batch as (
        select b.machine_id, b.token_id, to_timestamp(b.seen_ms / 1000.0) as seen_at,
          b.heartbeat -> 'metrics' as metrics,
          btrim(b.heartbeat ->> 'agentVersion') as agent_version,
          b.heartbeat ->> 'loggedInUser' as logged_in_user,
          b.slide, b.sample
        from jsonb_to_recordset(${json}::jsonb) as b(
          machine_id uuid, token_id uuid, seen_ms bigint, heartbeat jsonb,
          slide boolean, sample boolean)
      ), seen as (
        update machines set
          last_seen_at = greatest(coalesce(machines.last_seen_at, b.seen_at), b.seen_at),
          latest_metrics = b.metrics,
          agent_version = b.agent_version,
          logged_in_user = b.logged_in_user
        from batch b where machines.id = b.machine_id
        returning machines.id
      ), slid as (
        update machine_tokens
        set last_used_at = b.seen_at, expires_at = b.seen_at + ${ttl}::interval
        from batch b
        where b.slide and machine_tokens.id = b.token_id and machine_tokens.revoked_at is null
        returning machine_tokens.id
      )
      insert into machine_metrics (machine_id, bucket, metrics)
      select b.machine_id,
        to_timestamp(
          floor(extract(epoch from b.seen_at) / ${metricsBucketSeconds}) * ${metricsBucketSeconds}
        ),
        b.metrics
      from batch b join seen on seen.id = b.machine_id
      where b.sample
      on conflict do nothing`);
  }

  async function flush(): Promise<void> {
    if (pending.size === 0) return;
    const waiting = pending;
    pending = new Map();
    try {
      await write([...waiting.values()]);
    } catch (error) {
      // Keep what did not land, unless a newer heartbeat of the same machine arrived since.
      for (const [machineId, beat] of waiting)
        if (!pending.has(machineId)) pending.set(machineId, beat);
      log.error({ err: error, machines: waiting.size }, 'heartbeat flush failed; will retry');
    }
  }

  const timer = setInterval(() => {
    flushing = flushing.then(flush);
  }, options.flushEveryMs ?? 1_000);
  timer.unref();

  return {
    /**
     * Queues a heartbeat for the next batch. `heartbeat` is the request body exactly as the
     * agent sent it, already validated against `heartbeatInput`: the database reads the
     * metrics out of it, so the hot path neither copies nor re-serialises them.
     */
    record(entry: TokenEntry, heartbeat: string, at: number): void {
      // The in-memory expiry slides with every heartbeat; the stored one catches up hourly.
      entry.expiresAt = at + options.tokenTtlMs;
      const slide = at - (slidAt.get(entry.tokenId) ?? 0) >= slideEveryMs;
      if (slide) slidAt.set(entry.tokenId, at);
      const bucket = Math.floor(at / (metricsBucketSeconds * 1000));
      const sample = sampledBucket.get(entry.machineId) !== bucket;
      if (sample) sampledBucket.set(entry.machineId, bucket);
      // A newer heartbeat replacing a waiting one keeps what the waiting one was due to do.
      const waiting = pending.get(entry.machineId);
      const slides = slide || (waiting?.slide ?? false);
      const samples = sample || (waiting?.sample ?? false);
      pending.set(entry.machineId, {
        // Written out rather than `JSON.stringify` of a new object: ids, the time and the flags
        // need no escaping, the heartbeat is JSON already, and this runs for every heartbeat.
        json:
          `{"machine_id":"${entry.machineId}","token_id":"${entry.tokenId}","seen_ms":${at},` +
          `"slide":${slides},"sample":${samples},"heartbeat":${heartbeat}}`,
        slide: slides,
        sample: samples,
      });
    },
    /** Writes what is waiting now; resolves once it is in the database. */
    flush(): Promise<void> {
      flushing = flushing.then(flush);
      return flushing;
    },
    async close(): Promise<void> {
      clearInterval(timer);
      flushing = flushing.then(flush);
      await flushing;
    },
  };
}

export type HeartbeatWriter = ReturnType<typeof createHeartbeatWriter>;
