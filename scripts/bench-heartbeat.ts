import { parseArgs } from 'node:util';
import {
  companies,
  migrateDatabase,
  openPostgres,
  queryRows,
  registerMachine,
} from '@chamados/core';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { freePort } from '../test/support/postgres-cluster.ts';
import { createBenchDatabase } from './bench/bench-database.ts';
import { type Cleanup, intOption, progress, rethrowAsUsage, runCli } from './bench/cli.ts';
import { processUsage } from './bench/process-usage.ts';
import { ensureWebBuild, repoRoot, startProcess } from './bench/processes.ts';

const usage = `Usage: npm run bench:heartbeat -- [options]

Measures the machine heartbeat path against the least a plain node:http server does.
Starts PostgreSQL (a throwaway cluster, or a new database on the DATABASE_URL server),
enrols simulated machines, starts the Chamados server and a hello-world server as
processes, loads each with the same connections for the same time, and prints
heartbeats/s, latency percentiles and the ratio between the two.

Options:
  --machines N     simulated machines, each with its own token (default 10000)
  --connections N  concurrent connections (default 100)
  --seconds N      length of each measured run (default 15)
  --rounds N       measured rounds of both servers; the median round is reported (default 3)
  --json           print the result as JSON
  --help           this text

Targets: ratio >= 0.35 with p99 < 50 ms. Exit codes: 0 done, 1 failed, 2 bad usage,
130 interrupted.`;

const provisioningSecret = 'bench-provisioning-secret-0123456789';
const heartbeatBody = JSON.stringify({
  metrics: {
    cpuPercent: 23.5,
    load: [0.8, 0.6, 0.5],
    memory: { usedBytes: 6_000_000_000, totalBytes: 16_000_000_000 },
    disks: [{ mount: 'C:', usedBytes: 180_000_000_000, totalBytes: 512_000_000_000 }],
    uptimeSeconds: 123_456,
  },
  loggedInUser: 'maria',
  agentVersion: '0.1.0',
  inventoryHash: 'a'.repeat(64),
});

interface LoadResult {
  requestsPerSecond: number;
  /** The server process's CPU time per answered request, when /proc tells it. */
  cpuMicrosPerRequest: number | null;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** One autocannon run; `tokens` rotate so every request speaks for the next machine. */
async function load(
  server: { url: string; pid: number | undefined },
  connections: number,
  /** A number of seconds, or exactly this many requests. */
  length: number | { requests: number },
  tokens?: string[],
): Promise<LoadResult> {
  const { url } = server;
  let next = 0;
  // Throughput swings with whatever else the machine runs, CPU time per request much less.
  const cpuBefore = processUsage(server.pid)?.cpuSeconds ?? null;
  const result = await autocannon({
    url,
    connections,
    ...(typeof length === 'number' ? { duration: length } : { amount: length.requests }),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: heartbeatBody,
    requests: [
      {
        setupRequest: (request) => {
          if (!tokens) return request;
          const token = tokens[next++ % tokens.length];
          return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
        },
      },
    ],
  });
  const cpuAfter = processUsage(server.pid)?.cpuSeconds ?? null;
  const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return {
    requestsPerSecond: result.requests.average,
    cpuMicrosPerRequest:
      cpu === null || result.requests.total === 0
        ? null
        : Math.round((cpu / result.requests.total) * 1e6),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function enrol(url: string, machines: number): Promise<string[]> {
  const handle = openPostgres(url, 8);
  try {
    await migrateDatabase(handle);
    await handle.db.insert(companies).values({ name: 'Bench', slug: 'bench' });
    const tokens: string[] = [];
    const started = Date.now();
    // Straight through the registration service: the HTTP route limits bursts per client.
    for (let batch = 0; batch < machines; batch += 8) {
      const registrations = await Promise.all(
        Array.from({ length: Math.min(8, machines - batch) }, (_, offset) =>
          registerMachine(
            handle.db,
            {
              enrollmentSecret: provisioningSecret,
              companySlug: 'bench',
              hostname: `BENCH-${batch + offset}`,
              os: { name: 'Windows 11 Pro', version: '10.0.22631', arch: 'x64' },
              hardware: { serial: `BENCH-SERIAL-${batch + offset}`, macs: [] },
              agentVersion: '0.1.0',
            },
            { provisioningSecret, tokenTtlMs: 30 * 86_400_000 },
          ),
        ),
      );
      tokens.push(...registrations.map((registration) => registration.machineToken));
      if ((batch / 8) % 250 === 0) progress(`bench: enrolled ${tokens.length}/${machines}`);
    }
    progress(
      `bench: enrolled ${machines} machines in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return tokens;
  } finally {
    await handle.close();
  }
}

async function main(cleanup: Cleanup): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        machines: { type: 'string' },
        connections: { type: 'string' },
        seconds: { type: 'string' },
        rounds: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    rethrowAsUsage(error);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const machines = intOption('machines', values.machines as string, 10_000, [1, 200_000]);
  const connections = intOption('connections', values.connections as string, 100, [1, 2_000]);
  const rounds = intOption('rounds', values.rounds as string, 3, [1, 20]);
  const seconds = intOption('seconds', values.seconds as string, 15, [2, 300]);

  ensureWebBuild();
  const database = await createBenchDatabase(cleanup, process.env.DATABASE_URL);
  const tokens = await enrol(database.url, machines);

  const helloPort = await freePort();
  const helloProcess = await startProcess(
    'the hello-world server',
    ['--import', 'tsx', 'scripts/bench/hello-server.ts', String(helloPort)],
    { cwd: repoRoot, env: { PATH: process.env.PATH }, url: `http://127.0.0.1:${helloPort}/` },
    cleanup,
  );
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const chamadosProcess = await startProcess(
    'the Chamados server',
    // As `npm start` runs it: a larger young generation halves the time spent collecting
    // the short-lived objects every request leaves behind.
    ['--max-semi-space-size=32', '--import', 'tsx', 'server/main.ts'],
    {
      cwd: `${repoRoot}/apps/web`,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        APP_URL: appUrl,
        DATABASE_URL: database.url,
        BETTER_AUTH_SECRET: 'bench-auth-secret-0123456789-0123456789',
        MACHINE_PROVISIONING_SECRET: provisioningSecret,
        ADMIN_PASSWORD: 'bench-admin-password',
      },
      url: `${appUrl}/api/health`,
    },
    cleanup,
  );

  const chamados = { url: `${appUrl}/api/machines/heartbeat`, pid: chamadosProcess.pid };
  const hello = { url: `http://127.0.0.1:${helloPort}/`, pid: helloProcess.pid };
  progress('bench: warming up (every token once, then the hello-world server)');
  // Every token once, so the measured run finds them all in the server's token cache, then
  // a few seconds of steady load.
  await load(chamados, connections, { requests: machines }, tokens);
  await load(chamados, connections, 3, tokens);
  await load(hello, connections, 2, tokens);

  // The very same requests (body, rotating tokens) go to both servers, so the load generator
  // does the same work in both runs and the ratio is the servers' alone. Rounds alternate the
  // two, and the round with the median ratio is reported: on a shared two-core machine one
  // run alone swings by several percent.
  const measured: { baseline: LoadResult; heartbeats: LoadResult; ratio: number }[] = [];
  // Each run starts after a pause, so the write-behind batches and the database's own
  // housekeeping after a heartbeat run do not eat into the next run, whichever server it is.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));
  for (let round = 1; round <= rounds; round++) {
    await settle();
    progress(
      `bench: round ${round}/${rounds}: hello-world, ${connections} connections, ${seconds} s`,
    );
    const baseline = await load(hello, connections, seconds, tokens);
    await settle();
    progress(`bench: round ${round}/${rounds}: heartbeats from ${machines} machines, ${seconds} s`);
    const heartbeats = await load(chamados, connections, seconds, tokens);
    const ratio = heartbeats.requestsPerSecond / baseline.requestsPerSecond;
    progress(
      `bench: round ${round}/${rounds}: ratio ${ratio.toFixed(3)}, p99 ${heartbeats.p99} ms`,
    );
    measured.push({ baseline, heartbeats, ratio });
  }
  const byRatio = [...measured].sort((a, b) => a.ratio - b.ratio);
  const median = byRatio[Math.floor(byRatio.length / 2)] as (typeof measured)[number];
  const { baseline, heartbeats, ratio } = median;

  // Every machine's last heartbeat must land once the write-behind batches have run; under
  // load the last batches can take a few seconds, so wait for them rather than guess.
  const check = openPostgres(database.url, 1);
  let machinesSeen = 0;
  for (let waited = 0; waited < 20_000 && machinesSeen < machines; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [seen] = await queryRows<{ n: number }>(
      check.db,
      sql`select count(*)::int as n from machines where last_seen_at is not null`,
    );
    machinesSeen = seen?.n ?? 0;
  }
  await check.close();

  const report = {
    database: database.server,
    machines,
    connections,
    seconds,
    rounds: measured.map((round) => ({
      helloPerSecond: Math.round(round.baseline.requestsPerSecond),
      heartbeatsPerSecond: Math.round(round.heartbeats.requestsPerSecond),
      p99: round.heartbeats.p99,
      ratio: Math.round(round.ratio * 1000) / 1000,
    })),
    baseline,
    heartbeats,
    ratio: Math.round(ratio * 1000) / 1000,
    machinesSeen,
    targets: { ratio: ratio >= 0.35, p99: heartbeats.p99 < 50 },
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const row = (name: string, r: LoadResult) =>
      [
        name.padEnd(12),
        r.requestsPerSecond.toFixed(0).padStart(8),
        String(r.p50).padStart(7),
        String(r.p99).padStart(7),
        String(r.errors + r.non2xx).padStart(7),
        String(r.cpuMicrosPerRequest ?? '-').padStart(11),
      ].join(' ');
    process.stdout.write(
      [
        `Database: ${database.server}. ${machines} machines, ${connections} connections, ${rounds} rounds of ${seconds} s.`,
        `Ratio per round: ${report.rounds.map((round) => round.ratio).join(', ')}; the median round:`,
        '',
        'server         req/s  p50 ms  p99 ms  failed  CPU µs/req',
        row('hello-world', baseline),
        row('heartbeat', heartbeats),
        '',
        `ratio heartbeat / hello-world: ${report.ratio} (target >= 0.35: ${report.targets.ratio ? 'met' : 'missed'})`,
        `heartbeat p99: ${heartbeats.p99} ms (target < 50 ms: ${report.targets.p99 ? 'met' : 'missed'})`,
        `machines with a stored heartbeat: ${report.machinesSeen} of ${machines}`,
        '',
      ].join('\n'),
    );
  }
  return 0;
}

runCli(main);
