import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

/** An open database with what the rest of the app needs to know about it. */
export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Database;
  /** Answers within `timeoutMs` whether the database still takes queries. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
  /** The underlying client, for migrations and tests. */
  client: PGlite | pg.Pool;
}

export function wrapPglite(client: PGlite, onClose?: () => void): DatabaseHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    client,
    ping: (timeoutMs) => ping(db, timeoutMs),
    async close() {
      await client.close();
      onClose?.();
    },
  };
}

export function wrapPostgres(pool: pg.Pool): DatabaseHandle {
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Database;
  return {
    kind: 'postgres',
    db,
    client: pool,
    ping: (timeoutMs) => ping(db, timeoutMs),
    close: () => pool.end(),
  };
}

/** Opens the embedded database in `dataDir/pglite`, holding the directory's lock. */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  try {
    const dir = path.join(dataDir, 'pglite');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const client = await PGlite.create(dir);
    return wrapPglite(client, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

export function openPostgres(url: string, max = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server emits 'error' on the pool; without a listener that
  // would crash the process. The next query reports the outage instead.
  pool.on('error', () => {});
  return wrapPostgres(pool);
}

async function ping(db: Database, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
