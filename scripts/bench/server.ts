import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createLogger, createRuntime, loadConfig, openPostgres } from '@chamados/core';
import type pg from 'pg';
import { createHttpServer } from '../../apps/web/server/app.ts';
import type { Cleanup } from './cli.ts';

export interface BenchServer {
  baseUrl: string;
  /** The origin sign-in must come from (APP_URL). */
  origin: string;
  /** The server's own pool, for sampling ids and explaining queries. */
  pool: pg.Pool;
}

/** Pino writes one JSON line per event, level first; info and below are dropped unread. */
const chattyLevel = /^\{"level":[123]0,/;

/**
 * The real API server, in this process, on the benchmark database: production settings (JSON
 * logs, the pool size a server uses), without the pages. Request logs are still produced, so
 * their cost is measured, but only warnings and errors are shown, on stderr.
 */
export async function startBenchServer(url: string, cleanup: Cleanup): Promise<BenchServer> {
  const origin = 'http://chamados.bench';
  const config = loadConfig({
    NODE_ENV: 'production',
    APP_URL: origin,
    BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'info',
  });
  const logger = createLogger(config, {
    write(line: string) {
      if (!chattyLevel.test(line)) process.stderr.write(line);
    },
  });

  const database = openPostgres(url);
  const runtime = await createRuntime(config, { database, logger });
  cleanup.add('close the runtime', () => runtime.close());

  const server = createHttpServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.add('close the HTTP server', () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, origin, pool: database.client as pg.Pool };
}
