import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createBenchDatabase } from './bench/bench-database.ts';
import {
  type Cleanup,
  CliError,
  exitCodes,
  intOption,
  progress,
  rethrowAsUsage,
  runCli,
} from './bench/cli.ts';
import { type LoopLimits, measureLatency, signIn } from './bench/measure.ts';
import { explainCall } from './bench/plans.ts';
import {
  type BenchReport,
  formatReport,
  readsTicketsByIndex,
  type ScenarioResult,
} from './bench/report.ts';
import { actorsOf, type BenchRole, scenariosFor, targetP95Ms } from './bench/scenarios.ts';
import { defaultSeedOptions, seedTickets } from './bench/seed.ts';
import { createRandom } from './bench/seed-text.ts';
import { startBenchServer } from './bench/server.ts';

const defaults: LoopLimits = { warmup: 30, requests: 300, maxSeconds: 60 };

const usage = `Usage: npm run bench:tickets -- [options]

Measures the ticket API on realistic data, end to end over HTTP:
  1. creates a new database: on a throwaway PostgreSQL cluster it starts, or, when
     DATABASE_URL is set, a new chamados_bench_* database on that server (the database
     DATABASE_URL names is not touched); either is removed at the end;
  2. seeds it like npm run seed:tickets (${defaultSeedOptions.tickets.toLocaleString('en')} \
tickets with replies by default);
  3. starts the real API server in this process, signs in as an admin, a technician and a
     requester, and times list pages and ticket pages, one request at a time;
  4. prints p50/p95/p99 per scenario against the target (first page p95 < ${targetP95Ms} ms),
     and the EXPLAIN (ANALYZE, BUFFERS) plans of the queries behind them.

Options:
  --tickets <n>       tickets to seed (default ${defaultSeedOptions.tickets})
  --requests <n>      measured requests per scenario (default ${defaults.requests})
  --warmup <n>        unmeasured requests first (default ${defaults.warmup})
  --max-seconds <n>   time limit per scenario (default ${defaults.maxSeconds})
  --seed <n>          seed of the data generator (default ${defaultSeedOptions.seed})
  --setup-sql <file>  SQL run on the seeded database before measuring, e.g. a CREATE INDEX
                      to try; followed by ANALYZE
  --json              print the report as JSON
  -h, --help          show this help

Progress goes to stderr, the report to stdout.
Exit codes: 0 measured (whether or not the target was met), 1 failed, 2 bad usage,
130 interrupted. Everything started is stopped and removed in every case.`;

function options() {
  const { values } = parseArgs({
    options: {
      tickets: { type: 'string' },
      requests: { type: 'string' },
      warmup: { type: 'string' },
      'max-seconds': { type: 'string' },
      seed: { type: 'string' },
      'setup-sql': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  let setupSql: string | null = null;
  if (values['setup-sql']) {
    try {
      setupSql = readFileSync(values['setup-sql'], 'utf8');
    } catch (error) {
      throw new CliError(`cannot read --setup-sql: ${(error as Error).message}`, exitCodes.usage);
    }
  }
  return {
    help: values.help ?? false,
    json: values.json ?? false,
    setupSql,
    tickets: intOption('tickets', values.tickets, defaultSeedOptions.tickets, [100, 5_000_000]),
    seed: intOption('seed', values.seed, defaultSeedOptions.seed, [0, 2 ** 31]),
    limits: {
      requests: intOption('requests', values.requests, defaults.requests, [1, 100_000]),
      warmup: intOption('warmup', values.warmup, defaults.warmup, [0, 10_000]),
      maxSeconds: intOption('max-seconds', values['max-seconds'], defaults.maxSeconds, [1, 3_600]),
    },
  };
}

async function main(cleanup: Cleanup): Promise<number> {
  const opts = options();
  if (opts.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }

  const database = await createBenchDatabase(cleanup, process.env.DATABASE_URL);
  const seedOptions = { ...defaultSeedOptions, tickets: opts.tickets, seed: opts.seed };
  const seed = await seedTickets(database.url, seedOptions, progress);

  const server = await startBenchServer(database.url, cleanup);
  const { pool } = server;
  if (opts.setupSql) {
    progress('bench: applying --setup-sql');
    await pool.query(opts.setupSql);
    await pool.query('analyze');
  }

  const signInAs = (role: BenchRole) =>
    signIn(server.baseUrl, server.origin, seed.accounts[role].email, seedOptions.password);
  const tokens: Record<BenchRole, string> = {
    admin: await signInAs('admin'),
    technician: await signInAs('technician'),
    requester: await signInAs('requester'),
  };
  const actors = actorsOf(seed);

  const { rows } = await pool.query<{ id: string }>(
    'select id from tickets order by random() limit 1000',
  );
  const ids = rows.map((row) => row.id);
  const results: ScenarioResult[] = [];
  for (const scenario of scenariosFor(seed, ids, createRandom(opts.seed))) {
    progress(`bench: ${scenario.key} (${scenario.title} as ${scenario.as})`);
    const { serviceCall, nextPath, ...described } = scenario;
    const latency = await measureLatency(
      server.baseUrl,
      tokens[scenario.as],
      nextPath,
      opts.limits,
    );
    // Explained after the timed loop, so the plans are those of warm caches, as measured.
    const plans = await explainCall(pool, (db) => serviceCall(db, actors[scenario.as]));
    results.push({
      ...described,
      latencyMs: latency,
      meetsTarget: scenario.kind === 'list' ? latency.p95 < targetP95Ms : null,
      plans,
      ticketsByIndex: readsTicketsByIndex(plans),
    });
  }

  const { accounts: _accounts, ...seedSummary } = seed;
  const report: BenchReport = {
    database: database.server,
    seed: seedSummary,
    limits: opts.limits,
    targetP95Ms,
    setupSql: opts.setupSql,
    scenarios: results,
  };
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return 0;
}

runCli((cleanup) => main(cleanup).catch(rethrowAsUsage));
