import type { ServerResponse } from 'node:http';
import { toErrorResponse } from '@chamados/core';

export type HeaderMap = Record<string, string | string[]>;

export interface Reply {
  status: number;
  /** Serialised as JSON. */
  body?: unknown;
  /** Sent as is, with the content type from `headers` (passthrough from Better Auth). */
  raw?: string;
  headers?: HeaderMap;
}

export function send(res: ServerResponse, reply: Reply): void {
  const json = reply.raw === undefined && reply.body !== undefined;
  const payload = reply.raw ?? (json ? JSON.stringify(reply.body) : '');
  // Built field by field rather than spread: this runs for every heartbeat.
  const headers: HeaderMap = { 'cache-control': 'no-store' };
  if (json) headers['content-type'] = 'application/json; charset=utf-8';
  if (reply.headers) Object.assign(headers, reply.headers);
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Answers with the one error body; returns the status for the request log. */
export function sendError(res: ServerResponse, error: unknown, headers?: HeaderMap): number {
  const { status, body } = toErrorResponse(error);
  if (res.headersSent) {
    res.destroy();
    return status;
  }
  // A refused upload may still be streaming in: close the connection rather than read it all.
  const close: HeaderMap = status === 413 ? { connection: 'close' } : {};
  send(res, { status, body, headers: { ...close, ...headers } });
  return status;
}
