import { openPostgres } from '@chamados/core';
import type { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { startApiServer } from '../../../../test/support/api-server.ts';
import { startTcpProxy } from '../../../../test/support/tcp-proxy.ts';
import { createPostgresDatabase, testBackend } from '../../../../test/support/test-database.ts';

describe('GET /api/health', () => {
  it('reports ok and which database serves this process', async () => {
    const server = await startApiServer();
    try {
      const response = await call(server.baseUrl, '/api/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', database: testBackend() });
    } finally {
      await server.close();
    }
  });

  it('answers 503 when the database is unreachable', async () => {
    if (testBackend() === 'pglite') {
      // The embedded database lives in the process: closing it is how it becomes unreachable.
      const server = await startApiServer();
      await (server.database.client as PGlite).close();
      const response = await call(server.baseUrl, '/api/health');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({
        error: { code: 'database_unavailable', message: 'The database is unreachable' },
      });
      await server.close().catch(() => {});
      return;
    }

    // PostgreSQL behind a relay the test cuts, as a network outage would.
    const fresh = await createPostgresDatabase();
    const url = new URL(fresh.url);
    const proxy = await startTcpProxy(Number(url.port));
    url.port = String(proxy.port);
    const server = await startApiServer({ database: openPostgres(url.toString(), 2) });
    try {
      expect((await call(server.baseUrl, '/api/health')).status).toBe(200);
      await proxy.cut();
      const response = await call(server.baseUrl, '/api/health');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({
        error: { code: 'database_unavailable', message: 'The database is unreachable' },
      });
    } finally {
      await server.close().catch(() => {});
      await fresh.drop();
    }
  });
});
