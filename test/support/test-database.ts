import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type DatabaseHandle, type DatabaseKind, openPostgres, wrapPglite } from '@chamados/core';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';

import { templateDatabase } from './postgres-cluster.ts';

declare module 'vitest' {
  /** Handed over by test/support/global-setup.ts. */
  export interface ProvidedContext {
    postgresUrl: string;
    pgliteSnapshot: string;
  }
}

/** Which backend this test project runs on: set per project in vitest.config.ts. */
export function testBackend(): DatabaseKind {
  const kind = process.env.TEST_DATABASE;
  if (kind !== 'pglite' && kind !== 'postgres') {
    throw new Error('TEST_DATABASE must be pglite or postgres (set by the vitest project)');
  }
  return kind;
}

/** Runs one statement on the test cluster's maintenance database. */
async function onCluster(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

function databaseUrl(name: string): string {
  return inject('postgresUrl').replace(/\/postgres$/, `/${name}`);
}

/**
 * A fresh, migrated database of the project's backend: the PGlite snapshot loaded into
 * memory, or a new PostgreSQL database copied from the migrated template. Closing it drops it.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testBackend() === 'pglite') {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
    return wrapPglite(await PGlite.create({ loadDataDir: snapshot }));
  }

  const name = `test_${randomBytes(6).toString('hex')}`;
  await onCluster(`create database ${name} template ${templateDatabase}`);
  const handle = openPostgres(databaseUrl(name), 5);
  return {
    ...handle,
    async close() {
      await handle.close();
      await onCluster(`drop database if exists ${name} with (force)`);
    },
  };
}

/** The URL of a fresh PostgreSQL database for a server process under test; dropped by `drop`. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `proc_${randomBytes(6).toString('hex')}`;
  await onCluster(`create database ${name}`);
  return {
    url: databaseUrl(name),
    drop: () => onCluster(`drop database if exists ${name} with (force)`),
  };
}
