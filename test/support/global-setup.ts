import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openPostgres, wrapPglite } from '@chamados/core';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, templateDatabase } from './postgres-cluster.ts';

/**
 * Once per test run: a throwaway PostgreSQL cluster with a migrated template database, and a
 * migrated PGlite data directory dumped to a file. Each test file then gets a fresh database
 * in well under a second: a copy of the template, or the snapshot loaded into memory.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`create database ${templateDatabase}`);
    await admin.end();

    const template = openPostgres(cluster.url.replace(/\/postgres$/, `/${templateDatabase}`), 1);
    await migrateDatabase(template);
    await template.close();
  } catch (error) {
    // A setup that fails must not leave a PostgreSQL server running behind it.
    cluster.stop();
    throw error;
  }

  const pglite = await PGlite.create();
  const handle = wrapPglite(pglite);
  await migrateDatabase(handle);
  const dump = await pglite.dumpDataDir('none');
  const snapshot = path.join(os.tmpdir(), `chamados-pglite-${process.pid}.tar`);
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  await handle.close();

  project.provide('postgresUrl', cluster.url);
  project.provide('pgliteSnapshot', snapshot);

  return () => {
    cluster.stop();
  };
}
