import {
  type Actor,
  canReceive,
  type PublishedEvent,
  queueIdsOf,
  type Runtime,
} from '@chamados/core';
import { type RequestContext, requireActor } from '../http/context.ts';
import { toFetchHeaders } from '../http/headers.ts';
import { type Route, streaming } from '../http/router.ts';

const keepAliveMs = 20_000;
/** How often an open stream checks that its session still exists (sign-out, expiry). */
const sessionCheckMs = 60_000;

/** What a page receives: enough to know what changed, nothing of the scope used to filter. */
function frame(event: PublishedEvent): string {
  const data = JSON.stringify({ type: event.type, ...event.data, at: event.createdAt });
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${data}\n\n`;
}

function lastEventId(ctx: RequestContext): number | null {
  const given = ctx.req.headers['last-event-id'] ?? ctx.url.searchParams.get('lastEventId');
  const value = Number(Array.isArray(given) ? given[0] : given);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

async function stillSignedIn(runtime: Runtime, ctx: RequestContext): Promise<boolean> {
  const session = await runtime.auth.api
    .getSession({ headers: toFetchHeaders(ctx.req.headers) })
    .catch(() => null);
  return session !== null;
}

/**
 * GET /api/events – Server-Sent Events of the changes the caller may see, filtered by the same
 * rules as the API. A client that reconnects with Last-Event-ID first gets what it missed.
 */
async function streamEvents(ctx: RequestContext): Promise<typeof streaming> {
  const actor: Actor = await requireActor(ctx, { allowMachine: true });
  const { runtime, res, req } = ctx;
  const { db } = runtime.database;
  let queueIds = actor.role === 'technician' ? await queueIdsOf(db, actor.userId) : [];

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');

  // Live events that arrive while the missed ones are read wait here, so none is lost.
  const pending: PublishedEvent[] = [];
  let replaying = true;
  const write = (event: PublishedEvent) => {
    if (canReceive(actor, event, queueIds)) res.write(frame(event));
  };
  const unsubscribe = runtime.events.subscribe((event) => {
    if (replaying) {
      pending.push(event);
      return;
    }
    if (event.type === 'queue.members_changed' && actor.role === 'technician') {
      // Membership decides what a technician sees: re-read it before the next event.
      void queueIdsOf(db, actor.userId).then((ids) => {
        queueIds = ids;
      });
    }
    write(event);
  });

  const resumeFrom = lastEventId(ctx);
  const written = new Set<number>();
  if (resumeFrom !== null) {
    for (const event of await runtime.events.since(resumeFrom)) {
      written.add(event.id);
      write(event);
    }
  }
  for (const event of pending) if (!written.has(event.id)) write(event);
  replaying = false;

  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
  const sessionCheck = setInterval(() => {
    void stillSignedIn(runtime, ctx).then((ok) => {
      if (!ok) res.end();
    });
  }, sessionCheckMs);
  req.on('close', () => {
    clearInterval(keepAlive);
    clearInterval(sessionCheck);
    unsubscribe();
  });
  return streaming;
}

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/events',
    doc: {
      summary: 'Live changes (Server-Sent Events); send Last-Event-ID to resume',
      tag: 'Events',
      access: 'signed-in',
      success: { status: 200, description: 'An event stream', contentType: 'text/event-stream' },
    },
    handler: streamEvents,
  },
];
