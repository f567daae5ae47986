import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import type { DatabaseHandle } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Any fixed number: the key of the advisory lock that serialises migrations across processes. */
const migrationLockKey = 4_242_001;

/**
 * Applies the committed SQL migrations. On PostgreSQL several server processes may start at
 * once; an advisory lock makes them take turns, and the later ones find nothing left to do.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(drizzlePglite({ client: handle.client as PGlite }), { migrationsFolder });
    return;
  }

  const pool = handle.client as pg.Pool;
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [migrationLockKey]);
    // On the lock's own connection: a pool of one would otherwise wait for itself.
    await migratePostgres(drizzlePostgres({ client: lockClient }), { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
    lockClient.release();
  }
}
