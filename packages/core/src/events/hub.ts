import type { PGlite } from '@electric-sql/pglite';
import { asc, gt, lt, max } from 'drizzle-orm';
import pg from 'pg';
import type { DatabaseHandle } from '../db/client.ts';
import { events } from '../db/schema/index.ts';
import type { Logger } from '../logger.ts';
import { eventChannel, type PublishedEvent } from './publish.ts';

export type EventListener = (event: PublishedEvent) => void;

export interface EventHub {
  /** Calls `listener` for every event committed from now on, by any process. */
  subscribe(listener: EventListener): () => void;
  /** Events after `afterId`, oldest first, for a client resuming with Last-Event-ID. */
  since(afterId: number, limit?: number): Promise<PublishedEvent[]>;
  close(): Promise<void>;
}

/** How long events are kept for resuming clients. */
export const eventRetentionMs = 7 * 24 * 60 * 60 * 1000;
const pruneEveryMs = 60 * 60 * 1000;
const reconnectDelayMs = 1_000;
const recentIds = 10_000;

function toPublished(row: typeof events.$inferSelect): PublishedEvent {
  return {
    id: row.id,
    type: row.type,
    companyId: row.companyId,
    queueId: row.queueId,
    requesterId: row.requesterId,
    staffOnly: row.staffOnly,
    data: row.data as Record<string, unknown>,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Fans committed events out to this process's subscribers. Events cross processes through
 * PostgreSQL LISTEN/NOTIFY: PGlite delivers them in-process; on a PostgreSQL server a dedicated
 * connection listens, and after losing it reconnects and replays what it missed from the table.
 */
export async function startEventHub(handle: DatabaseHandle, logger: Logger): Promise<EventHub> {
  const log = logger.child({ component: 'events' });
  const listeners = new Set<EventListener>();
  // Ids grow in insert order, but transactions commit in any order: a lower id may arrive
  // after a higher one. So delivery dedupes on the ids seen recently rather than on the
  // highest, and the highest only marks where a catch-up after a lost connection starts.
  const seen = new Set<number>();
  let lastId = 0;
  let closed = false;

  const deliver = (event: PublishedEvent) => {
    if (seen.has(event.id)) return;
    seen.add(event.id);
    if (seen.size > recentIds) seen.delete(seen.values().next().value as number);
    lastId = Math.max(lastId, event.id);
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error({ err: error }, 'event listener failed');
      }
    }
  };
  const onPayload = (payload: string) => {
    try {
      deliver(JSON.parse(payload) as PublishedEvent);
    } catch (error) {
      log.error({ err: error }, 'unreadable event notification');
    }
  };

  const since: EventHub['since'] = async (afterId, limit = 500) => {
    const rows = await handle.db
      .select()
      .from(events)
      .where(gt(events.id, afterId))
      .orderBy(asc(events.id))
      .limit(limit);
    return rows.map(toPublished);
  };

  const [newest] = await handle.db.select({ id: max(events.id) }).from(events);
  lastId = newest?.id ?? 0;

  let stopListening: () => Promise<void>;
  if (handle.kind === 'pglite') {
    const unlisten = await (handle.client as PGlite).listen(eventChannel, onPayload);
    stopListening = () => unlisten();
  } else {
    stopListening = await listenOnServer(
      handle,
      onPayload,
      async () => {
        for (const event of await since(lastId)) deliver(event);
      },
      log,
      () => closed,
    );
  }

  const prune = async () => {
    const cutoff = new Date(Date.now() - eventRetentionMs);
    await handle.db.delete(events).where(lt(events.createdAt, cutoff));
  };
  await prune().catch((error: unknown) => log.warn({ err: error }, 'event pruning failed'));
  const pruner = setInterval(() => {
    prune().catch((error: unknown) => log.warn({ err: error }, 'event pruning failed'));
  }, pruneEveryMs);
  pruner.unref();

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    since,
    async close() {
      closed = true;
      clearInterval(pruner);
      listeners.clear();
      await stopListening().catch(() => {});
    },
  };
}

/** LISTEN on a connection of its own (a pooled one would be handed to other queries). */
async function listenOnServer(
  handle: DatabaseHandle,
  onPayload: (payload: string) => void,
  catchUp: () => Promise<void>,
  log: Logger,
  isClosed: () => boolean,
): Promise<() => Promise<void>> {
  const { connectionString } = (handle.client as pg.Pool).options as { connectionString: string };
  let client: pg.Client | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === eventChannel && message.payload) onPayload(message.payload);
    });
    next.on('error', (error) => {
      if (isClosed()) return;
      log.warn({ err: error }, 'event listener lost its connection; reconnecting');
      void next.end().catch(() => {});
      setTimeout(() => void reconnect(), reconnectDelayMs).unref();
    });
    await next.connect();
    await next.query(`listen ${eventChannel}`);
    client = next;
  };
  const reconnect = async () => {
    if (isClosed()) return;
    try {
      await connect();
      await catchUp();
      log.info({ event: 'events.reconnected' }, 'event listener reconnected');
    } catch (error) {
      log.warn({ err: error }, 'event listener could not reconnect; retrying');
      setTimeout(() => void reconnect(), reconnectDelayMs * 5).unref();
    }
  };

  await connect();
  return async () => {
    await client?.end();
  };
}
