import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Actor, AppError, type Logger, machineIdOfUser, type Runtime } from '@chamados/core';
import { parseJsonBody, readBody } from './body.ts';
import { toFetchHeaders } from './headers.ts';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  runtime: Runtime;
  requestId: string;
  url: URL;
  params: Record<string, string>;
  log: Logger;
  /** Who made the request, once known; added to the request's log line. */
  actor?: Actor;
}

/** Reads and parses the JSON body, within the route's size limit. */
export async function readJson(ctx: RequestContext, limit: number): Promise<unknown> {
  const raw = await readBody(ctx.req, limit);
  return parseJsonBody(ctx.req.headers['content-type'], raw);
}

export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}

/**
 * The signed-in caller, from the session cookie or a bearer token (Better Auth's bearer
 * plugin reads the Authorization header). 401 when there is none. A machine session is refused
 * with 403 unless the route says it serves machines (`allowMachine`): it may only open, read
 * and answer its own machine's tickets.
 */
export async function requireActor(
  ctx: RequestContext,
  { allowMachine = false } = {},
): Promise<Actor> {
  const session = await ctx.runtime.auth.api.getSession({
    headers: toFetchHeaders(ctx.req.headers),
  });
  if (!session) throw new AppError('unauthorized', 'Sign in to continue');

  const { user } = session;
  ctx.actor = {
    userId: user.id,
    role: user.role as Actor['role'],
    companyId: user.companyId ?? null,
    isCompanyManager: user.isCompanyManager ?? false,
  };
  if (ctx.actor.role === 'machine') {
    if (!allowMachine) {
      throw new AppError('forbidden', 'A machine session only reaches its own tickets');
    }
    const machineId = await machineIdOfUser(ctx.runtime.database.db, user.id);
    if (!machineId) throw new AppError('unauthorized', 'Sign in to continue');
    ctx.actor.machineId = machineId;
  }
  return ctx.actor;
}
