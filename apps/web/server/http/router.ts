import { AppError } from '@chamados/core';
import type { z } from 'zod';
import type { RequestContext } from './context.ts';
import type { Reply } from './respond.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What a handler returns when it has taken over the response itself. */
export const streaming = Symbol('streaming');

/** What the OpenAPI document says of a route; the schemas are the ones the handler parses. */
export interface RouteDoc {
  summary: string;
  tag: string;
  /** Who may call it; `public` needs no session. */
  access: 'public' | 'signed-in' | 'staff' | 'admin';
  body?: z.ZodType;
  query?: z.ZodType;
  /** Success status and what it carries. */
  success: { status: number; description: string; contentType?: string };
}

export interface Route {
  method: Method;
  /** `/api/things/:id`; a trailing `/*` matches any rest of the path. */
  path: string;
  /** Returns the reply, or `streaming` when it answers by itself over time (SSE). */
  handler: (ctx: RequestContext) => Promise<Reply | typeof streaming>;
  /** Routes without it (the Better Auth bridge) are described by hand in the document. */
  doc?: RouteDoc;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  keys: string[];
}

function compile(route: Route): CompiledRoute {
  const keys: string[] = [];
  const source = route.path
    .split('/')
    .map((part) => {
      if (part === '*') return '.*';
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}/?$`), keys };
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new AppError('bad_request', 'Malformed percent-encoding in the path');
  }
}

export interface Match {
  handler: Route['handler'];
  params: Record<string, string>;
}

/**
 * A small table router for the API. An unknown path is a 404 and a known path with another
 * method a 405 listing the allowed ones, both in the common error body.
 */
export function createRouter(routes: Route[]) {
  const compiled = routes.map(compile);
  // Paths without parameters are found by one lookup: the hot machine routes are all static.
  const exact = new Map<string, Route['handler']>();
  for (const route of routes) {
    if (!route.path.includes(':') && !route.path.includes('*')) {
      exact.set(`${route.method} ${route.path}`, route.handler);
    }
  }

  return function match(method: string, pathname: string): Match {
    const handler = exact.get(`${method} ${pathname}`);
    if (handler) return { handler, params: {} };

    const allowed: string[] = [];
    for (const route of compiled) {
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.keys.forEach((key, index) => {
        params[key] = decodeParam(found[index + 1] ?? '');
      });
      return { handler: route.handler, params };
    }
    if (allowed.length > 0) {
      throw new AppError('method_not_allowed', `Use ${allowed.join(', ')} on ${pathname}`);
    }
    throw new AppError('not_found', `No API route ${pathname}`);
  };
}
