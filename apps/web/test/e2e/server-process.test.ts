import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../../../../test/support/api-client.ts';
import { ensureBuild, startApp } from '../../../../test/support/app-process.ts';
import { openEventStream } from '../../../../test/support/event-stream.ts';
import { createPostgresDatabase } from '../../../../test/support/test-database.ts';

let dataDir: string;

beforeAll(() => {
  ensureBuild();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'chamados-e2e-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const generatedPassword = /password: +([A-Za-z0-9_-]{32})\n/;

describe('the server process on the embedded database', () => {
  it('prints the URL and a generated admin password, once', async () => {
    const first = await startApp({ DATA_DIR: dataDir });
    try {
      expect(first.output()).toContain(`Chamados is running at ${first.url}`);
      const password = generatedPassword.exec(first.output())?.[1];
      expect(password).toBeDefined();
      const health = await call(first.url, '/api/health');
      expect(health.body).toEqual({ status: 'ok', database: 'pglite' });

      const { token } = await signIn(first.url, 'admin@chamados.local', password ?? '', first.url);
      const created = await call(first.url, '/api/companies', {
        token,
        json: { name: 'Persistida' },
        headers: { origin: first.url },
      });
      expect(created.status).toBe(201);

      // A second process on the same directory stops at once, naming the holder.
      const second = await startApp({ DATA_DIR: dataDir }, { expectExit: true });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(`The data directory ${dataDir} is in use by process`);
      expect(second.output()).toContain(String(first.child.pid));

      // …and leaves the first one, and its data, as they were.
      const listed = await call(first.url, '/api/companies', { token });
      expect(listed.body).toMatchObject({ companies: [{ name: 'Persistida' }] });
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const again = await startApp({ DATA_DIR: dataDir });
    try {
      expect(again.output()).not.toMatch(generatedPassword);
      expect(again.output()).toContain('Admin sign-in: the account created on first start');
      const admin = await call(again.url, '/api/health');
      expect(admin.status).toBe(200);
    } finally {
      await again.stop();
    }
  });

  it('refuses a wrong setting, naming the variable', async () => {
    const app = await startApp(
      { DATA_DIR: dataDir, ADMIN_EMAIL: 'not-an-email' },
      { expectExit: true },
    );
    expect(await app.exited).toBe(2);
    expect(app.output()).toContain('ADMIN_EMAIL: must be an email address');
  });
});

describe('the server process on PostgreSQL', () => {
  it('serves from several processes sharing one database', async () => {
    const database = await createPostgresDatabase();
    const env = {
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: 'shared-secret-of-at-least-32-characters',
      ADMIN_EMAIL: 'ops@chamados.test',
      ADMIN_PASSWORD: 'ops-password-for-tests',
      DATA_DIR: dataDir,
    };
    const apps = await Promise.all([startApp(env), startApp(env)]);
    try {
      for (const app of apps) {
        expect((await call(app.url, '/api/health')).body).toEqual({
          status: 'ok',
          database: 'postgres',
        });
      }
      // A session made on one process is good on the other.
      const [one, two] = apps;
      const { token } = await signIn(one?.url ?? '', env.ADMIN_EMAIL, env.ADMIN_PASSWORD, one?.url);
      const listed = await call(two?.url ?? '', '/api/companies', { token });
      expect(listed.status).toBe(200);

      // A change made through one process reaches a live page served by the other.
      const stream = await openEventStream(two?.url ?? '', token);
      try {
        const created = await call(one?.url ?? '', '/api/companies', {
          token,
          json: { name: 'Escala' },
          headers: { origin: one?.url ?? '' },
        });
        const company = (created.body as { company: { id: string } }).company.id;
        const user = await call(one?.url ?? '', '/api/users', {
          token,
          headers: { origin: one?.url ?? '' },
          json: {
            name: 'R',
            email: 'r@escala.test',
            password: 'escala-password-1',
            role: 'requester',
            companyId: company,
          },
        });
        const requesterId = (user.body as { user: { id: string } }).user.id;
        const ticket = await call(one?.url ?? '', '/api/tickets', {
          token,
          headers: { origin: one?.url ?? '' },
          json: { subject: 'Entre processos', description: 'x', requesterId },
        });
        const ticketId = (ticket.body as { ticket: { id: string } }).ticket.id;
        await stream.waitFor((event) => event.data.ticketId === ticketId);
      } finally {
        stream.close();
      }
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
      await database.drop();
    }
  });
});
