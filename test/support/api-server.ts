import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import {
  createLogger,
  createRuntime,
  type DatabaseHandle,
  loadConfig,
  type Runtime,
} from '@chamados/core';
import { afterAll, beforeAll } from 'vitest';
import { createHttpServer } from '../../apps/web/server/app.ts';
import { appUrl, signIn } from './api-client.ts';
import { openTestDatabase } from './test-database.ts';

export const adminEmail = 'admin@chamados.test';
export const adminPassword = 'admin-password-for-tests';
const testSecret = 'test-secret-that-is-at-least-32-characters-long';
export const provisioningSecret = 'provisioning-secret-for-the-tests';

export interface ApiServer {
  baseUrl: string;
  runtime: Runtime;
  database: DatabaseHandle;
  /** Every log line the server wrote, as parsed JSON objects. */
  logs: Record<string, unknown>[];
  /** The raw log text, for scanning for secrets. */
  logText(): string;
  close(): Promise<void>;
}

export interface StartOptions {
  database?: DatabaseHandle;
}

/**
 * The API on a real HTTP server over a fresh database of the project's backend, without Next
 * (pages are covered by the browser tests). Logs are captured for inspection.
 */
export async function startApiServer(options: StartOptions = {}): Promise<ApiServer> {
  const database = options.database ?? (await openTestDatabase());
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });

  const config = loadConfig({
    NODE_ENV: 'test',
    APP_URL: appUrl,
    BETTER_AUTH_SECRET: testSecret,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: 'debug',
    MACHINE_PROVISIONING_SECRET: provisioningSecret,
  });
  const logger = createLogger(config, sink);
  const runtime = await createRuntime(config, { database, logger });
  const server = createHttpServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const logText = () => chunks.join('');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    runtime,
    database,
    get logs() {
      return logText()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    logText,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
    },
  };
}

export interface ServerFixture {
  server: ApiServer;
  /** A bearer token of the first admin; empty unless `signInAsAdmin`. */
  adminToken: string;
}

/**
 * Gives the test file one server: started before its tests, closed after them. Reads of the
 * returned object are valid inside tests and hooks.
 */
export function setupApiServer({ signInAsAdmin = true } = {}): ServerFixture {
  const fixture = { adminToken: '' } as ServerFixture;
  beforeAll(async () => {
    fixture.server = await startApiServer();
    if (signInAsAdmin) {
      fixture.adminToken = (await signIn(fixture.server.baseUrl, adminEmail, adminPassword)).token;
    }
  });
  afterAll(() => fixture.server?.close());
  return fixture;
}
