import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Logger, MachineAuthError, type Runtime } from '@chamados/core';
import { authRoutes } from './api/auth.ts';
import { companyRoutes } from './api/companies.ts';
import { eventRoutes } from './api/events.ts';
import { healthRoutes } from './api/health.ts';
import { helpdeskAdminRoutes } from './api/helpdesk-admin.ts';
import { machineAdminRoutes } from './api/machine-admin.ts';
import { machineRoutes } from './api/machines.ts';
import { openApiRoute } from './api/openapi.ts';
import { ticketRoutes } from './api/tickets.ts';
import { userRoutes } from './api/users.ts';
import type { RequestContext } from './http/context.ts';
import { RateLimitedError } from './http/rate-limit.ts';
import { requestIdOf } from './http/request-id.ts';
import { type HeaderMap, send, sendError } from './http/respond.ts';
import { createRouter, streaming } from './http/router.ts';
import { handleMachineLogin, machineLoginPath } from './machine-login.ts';

/** Serves the pages; absent when only the API runs (API tests). */
export type PageHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const apiRoutes = [
  ...healthRoutes,
  ...authRoutes,
  ...companyRoutes,
  ...userRoutes,
  ...ticketRoutes,
  ...helpdeskAdminRoutes,
  ...eventRoutes,
  ...machineRoutes,
  ...machineAdminRoutes,
];
const matchApi = createRouter([...apiRoutes, openApiRoute(() => apiRoutes)]);

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/**
 * The one HTTP server of a Chamados process. `/api/*` is answered by lean handlers on plain
 * `node:http` (Next's per-request path is far slower, and machine traffic is hot); everything
 * else goes to Next. Every request gets a request id and one log line.
 */
export function createHttpServer(runtime: Runtime, pages?: PageHandler): http.Server {
  const requestLog = runtime.logger.child({ component: 'http' });

  return http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Made on first use: most heartbeats never log, and a child logger per request adds up.
    let requestLogger: Logger | undefined;
    const ctx: RequestContext = {
      req,
      res,
      runtime,
      requestId,
      url,
      params: {},
      get log() {
        requestLogger ??= requestLog.child({ reqId: requestId });
        return requestLogger;
      },
    };
    const log = () => ctx.log;
    res.setHeader('x-request-id', requestId);

    res.on('finish', () => {
      // Heartbeats arrive by the thousand a second; their refusals still log at warn.
      const quiet =
        url.pathname.startsWith('/_next/') ||
        url.pathname === '/api/health' ||
        (url.pathname === '/api/machines/heartbeat' && res.statusCode < 400);
      if (quiet && !requestLog.isLevelEnabled('debug')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The path only: query strings can carry one-time codes.
      const line = {
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        userId: ctx.actor?.userId,
        companyId: ctx.actor?.companyId ?? undefined,
      };
      if (quiet) log().debug(line, 'request');
      else if (res.statusCode === 429) log().warn(line, 'request refused: rate limited');
      else log().info(line, 'request');
    });

    if (url.pathname === machineLoginPath) {
      handleMachineLogin(runtime, url, res).catch((error: unknown) => {
        log().error({ err: error }, 'machine login failed');
        sendError(res, error);
      });
      return;
    }
    if (isApiPath(url.pathname) || !pages) {
      void handleApi(ctx);
      return;
    }
    // Pages read the path from here to send a signed-out visitor back after sign-in.
    req.headers['x-chamados-pathname'] = url.pathname;
    pages(req, res).catch((error: unknown) => {
      log().error({ err: error }, 'page handler failed');
      sendError(res, error);
    });
  });
}

async function handleApi(ctx: RequestContext): Promise<void> {
  try {
    const { handler, params } = matchApi(ctx.req.method ?? 'GET', ctx.url.pathname);
    ctx.params = params;
    const reply = await handler(ctx);
    if (reply !== streaming) send(ctx.res, reply);
  } catch (error) {
    const headers: HeaderMap =
      error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    const status = sendError(ctx.res, error, headers);
    if (status >= 500) ctx.log.error({ err: error }, 'request failed');
    if (error instanceof MachineAuthError) {
      // The client gets the same answer for every failure; the operator gets the reason.
      ctx.log.warn({ event: 'machine.auth_refused', reason: error.reason }, 'machine refused');
    }
  }
}
