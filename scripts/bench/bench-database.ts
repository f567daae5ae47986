import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startPostgresCluster } from '../../test/support/postgres-cluster.ts';
import { type Cleanup, CliError, exitCodes, progress } from './cli.ts';

export interface BenchDatabase {
  /** URL of the new, empty database the benchmark owns. */
  url: string;
  /** Where it lives, for the report: a throwaway cluster or the server the user named. */
  server: 'throwaway cluster' | 'DATABASE_URL server';
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A new database for one run, dropped when the run ends. On the server `serverUrl` names when
 * given (nothing in the database it names is read or changed), otherwise on a throwaway
 * PostgreSQL cluster in a temporary directory, stopped and removed at the end.
 */
export async function createBenchDatabase(
  cleanup: Cleanup,
  serverUrl: string | undefined,
): Promise<BenchDatabase> {
  let adminUrl = serverUrl;
  if (!adminUrl) {
    progress('bench: starting a throwaway PostgreSQL cluster');
    const cluster = await startPostgresCluster();
    cleanup.add('stop the PostgreSQL cluster', () => cluster.stop());
    // Stopping is synchronous, so it also runs if the process dies of an uncaught error.
    process.once('exit', () => cluster.stop());
    adminUrl = cluster.url;
  }

  const name = `chamados_bench_${randomBytes(5).toString('hex')}`;
  try {
    await onServer(adminUrl, `create database ${name}`);
  } catch (error) {
    throw new CliError(
      `cannot create a database on the server: ${(error as Error).message}`,
      exitCodes.failed,
      'DATABASE_URL must name a server where this user may CREATE DATABASE',
    );
  }
  cleanup.add(`drop database ${name}`, () =>
    onServer(adminUrl, `drop database if exists ${name} with (force)`),
  );

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    server: serverUrl ? 'DATABASE_URL server' : 'throwaway cluster',
  };
}
