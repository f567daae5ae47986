import type { IncomingMessage } from 'node:http';
import { AppError } from '@chamados/core';

export const kib = 1024;

/**
 * Reads the whole request body, refusing with 413 as soon as it passes `limit` bytes. Plain
 * stream events rather than `for await`: on the heartbeat path the async iterator's promises
 * were a measurable share of each request.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      reject(tooLarge(limit));
    };
    const onEnd = () => {
      req.off('error', onError);
      resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      req.off('data', onData);
      reject(error);
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
  });
}

function tooLarge(limit: number): AppError {
  return new AppError('payload_too_large', `Request body is larger than ${limit} bytes`);
}

/** True for `application/json` with or without parameters such as charset. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * Parses a JSON request body. Requiring the JSON content type also keeps plain HTML forms
 * from other sites (which can only send form or text bodies) out of every cookie-authenticated
 * endpoint.
 */
export function parseJsonBody(contentType: string | undefined, raw: Buffer): unknown {
  return parseJsonText(contentType, raw.toString('utf8'));
}

/** `parseJsonBody` for a body already decoded, when the caller keeps the text too. */
export function parseJsonText(contentType: string | undefined, text: string): unknown {
  if (!isJsonContentType(contentType)) {
    throw new AppError('unsupported_media_type', 'Content-Type must be application/json');
  }
  if (text.length === 0) throw new AppError('invalid_json', 'Request body is empty');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'Request body is not valid JSON');
  }
}
