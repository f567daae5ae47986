import { clientIpHeader, type ErrorCode, toErrorResponse } from '@chamados/core';
import { kib, parseJsonBody, readBody } from '../http/body.ts';
import type { RequestContext } from '../http/context.ts';
import { toFetchHeaders } from '../http/headers.ts';
import type { HeaderMap, Reply } from '../http/respond.ts';
import type { Route } from '../http/router.ts';

const bodyLimit = 16 * kib;

/** Better Auth's error codes that we name otherwise; the rest fall back to the status. */
const codeByAuthCode: Record<string, ErrorCode> = {
  INVALID_EMAIL_OR_PASSWORD: 'invalid_credentials',
};

const codeByStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

/**
 * Hands /api/auth/* to Better Auth, with our edges around it: the body limit, the JSON checks,
 * the client address taken from the socket (a client-sent value is discarded, so nobody can
 * pick their own rate-limit bucket), and Better Auth's errors rewritten into the common body.
 */
async function forwardToAuth(ctx: RequestContext): Promise<Reply> {
  const { req, runtime } = ctx;
  const method = req.method ?? 'GET';

  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    body = await readBody(req, bodyLimit);
    if (body.length > 0) parseJsonBody(req.headers['content-type'], body);
  }

  const headers = toFetchHeaders(req.headers);
  headers.set(clientIpHeader, req.socket.remoteAddress ?? 'unknown');
  const request = new Request(new URL(req.url ?? '/', runtime.config.appUrl), {
    method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  });

  const response = await runtime.auth.handler(request);
  const text = await response.text();
  const passHeaders = copyHeaders(response.headers);
  if (response.status < 400) return { status: response.status, raw: text, headers: passHeaders };

  return { ...authErrorReply(response.status, text), headers: passHeaders };
}

function copyHeaders(source: Headers): HeaderMap {
  const headers: HeaderMap = {};
  source.forEach((value, name) => {
    if (name === 'set-cookie' || name === 'content-length') return;
    headers[name] = value;
  });
  const cookies = source.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const retryAfter = source.get('x-retry-after');
  if (retryAfter) headers['retry-after'] = retryAfter;
  return headers;
}

function authErrorReply(status: number, text: string): Reply {
  let authCode: string | undefined;
  let message: string | undefined;
  try {
    const parsed = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (typeof parsed.code === 'string') authCode = parsed.code;
    if (typeof parsed.message === 'string') message = parsed.message;
  } catch {
    // Not JSON: the status alone names the error.
  }

  const code = (authCode && codeByAuthCode[authCode]) ?? codeByStatus[status];
  // An unexpected failure inside Better Auth reveals nothing, like any other 500.
  if (!code) return { status: 500, body: toErrorResponse(new Error(text)).body };
  // Better Auth's status stays (e.g. 422): it is already the precise one.
  return { status, body: { error: { code, message: message ?? 'Request refused' } } };
}

export const authRoutes: Route[] = (['GET', 'POST'] as const).map((method) => ({
  method,
  path: '/api/auth/*',
  handler: forwardToAuth,
}));
