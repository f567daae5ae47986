import http from 'node:http';
import https from 'node:https';

export interface HttpReply {
  status: number;
  body: string;
}

/**
 * One HTTP request with `node:http`. The agent does not use `fetch`: loading Node's bundled
 * fetch implementation costs about 10 MB of resident memory, an eighth of the agent's budget.
 */
export function httpRequest(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<HttpReply> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: options.method,
        headers: {
          ...options.headers,
          ...(options.body === undefined
            ? {}
            : { 'content-length': String(Buffer.byteLength(options.body)) }),
        },
        timeout: options.timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        response.once('error', reject);
      },
    );
    request.once('timeout', () =>
      request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)),
    );
    request.once('error', reject);
    request.end(options.body);
  });
}
