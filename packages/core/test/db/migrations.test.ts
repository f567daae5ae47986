import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  openTestDatabase,
  testBackend,
} from '../../../../test/support/test-database.ts';
import {
  type DatabaseHandle,
  migrateDatabase,
  migrationsFolder,
  openPostgres,
  queryRows,
} from '../../src/index.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe('migrations', () => {
  it('create every table and are a no-op when applied again', async () => {
    await migrateDatabase(handle);
    const tables = await queryRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables
          where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual([
      'accounts',
      'categories',
      'companies',
      'enrollment_secrets',
      'events',
      'machine_inventories',
      'machine_inventory_changes',
      'machine_metrics',
      'machine_tokens',
      'machines',
      'queue_members',
      'queues',
      'rate_limits',
      'sessions',
      'sla_targets',
      'ticket_changes',
      'ticket_comments',
      'tickets',
      'users',
      'verifications',
    ]);
  });

  it.runIf(testBackend() === 'postgres')(
    'take turns when several processes start at once',
    async () => {
      const empty = await createPostgresDatabase();
      const handles = [0, 1, 2].map(() => openPostgres(empty.url, 1));
      try {
        await Promise.all(handles.map((each) => migrateDatabase(each)));
        const [applied] = await queryRows<{ n: number }>(
          handles[0]?.db as DatabaseHandle['db'],
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        const files = readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql'));
        expect(applied?.n).toBe(files.length);
      } finally {
        await Promise.all(handles.map((each) => each.close()));
        await empty.drop();
      }
    },
  );
});
