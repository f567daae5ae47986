import type { Database } from '@chamados/core';
import * as schema from '@chamados/core/db/schema/index';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';

export interface QueryPlan {
  sql: string;
  params: unknown[];
  /** EXPLAIN (ANALYZE, BUFFERS) as PostgreSQL prints it. */
  plan: string;
  executionMs: number;
  /** Tables read by a sequential scan. */
  seqScans: string[];
  /** Indexes the plan reads. */
  indexes: string[];
}

/**
 * The SQL a service call sends, captured by running it on a Drizzle instance with a query
 * logger: the plans are those of the real queries, not of hand-written copies.
 */
export async function captureQueries(
  pool: pg.Pool,
  run: (db: Database) => Promise<unknown>,
): Promise<{ sql: string; params: unknown[] }[]> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => captured.push({ sql, params }) };
  // The same cast as the server's own client (packages/core/src/db/client.ts): Drizzle's
  // node-postgres type is narrower than the driver-neutral `Database` the services take.
  const db = drizzle({ client: pool, schema, logger }) as unknown as Database;
  await run(db);
  return captured;
}

const unique = (items: string[]) => [...new Set(items)];

/** Runs `EXPLAIN (ANALYZE, BUFFERS)` on one captured query and reads what it scans. */
export async function explainQuery(
  pool: pg.Pool,
  query: { sql: string; params: unknown[] },
): Promise<QueryPlan> {
  const result = await pool.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${query.sql}`,
    query.params,
  );
  const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
  const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
  const seqScans = unique([...plan.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1] ?? ''));
  const indexes = unique(
    [...plan.matchAll(/(?:Index Scan|Index Only Scan)(?: Backward)? using (\w+)/g)]
      .concat([...plan.matchAll(/Bitmap Index Scan on (\w+)/g)])
      .map((match) => match[1] ?? ''),
  );
  return { ...query, plan, executionMs, seqScans, indexes };
}

/** Plans of every query a service call sends, in the order it sends them. */
export async function explainCall(
  pool: pg.Pool,
  run: (db: Database) => Promise<unknown>,
): Promise<QueryPlan[]> {
  const queries = await captureQueries(pool, run);
  const plans: QueryPlan[] = [];
  for (const query of queries) plans.push(await explainQuery(pool, query));
  return plans;
}
