import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { agentBinary, ensureAgentBinary } from '../test/support/agent-binary.ts';
import { call, signIn } from '../test/support/api-client.ts';
import { freePort } from '../test/support/postgres-cluster.ts';
import { type Cleanup, intOption, progress, rethrowAsUsage, runCli } from './bench/cli.ts';
import { processUsage } from './bench/process-usage.ts';
import { ensureWebBuild, repoRoot, startProcess } from './bench/processes.ts';

const usage = `Usage: npm run bench:agent -- [options]

Measures what the agent costs the machine it runs on. Builds the agent binary when needed,
starts a Chamados server (embedded database, in a temporary directory), enrols the agent
and runs its service loop for a while, then prints its peak memory (RSS), its average CPU
use, the time one inventory collection takes, and the binary's size and start time.

Options:
  --seconds N    how long the service loop runs (default 60)
  --interval N   heartbeat every N seconds instead of the server's 60 (default: the server's)
  --json         print the result as JSON
  --help         this text

Targets: RSS < 80 MB, CPU < 1 %, inventory < 3 s. Exit codes: 0 done, 1 failed,
2 bad usage, 130 interrupted.`;

const provisioningSecret = 'bench-agent-provisioning-secret-0123456789';
const benchAdmin = { email: 'admin@bench.test', password: 'bench-admin-password' };
/** Median wall time of `--help`, the time from exec to exit of the smallest command. */
function startTimeMs(runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    execFileSync(agentBinary, ['--help'], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] ?? 0);
}

async function main(cleanup: Cleanup): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        seconds: { type: 'string' },
        interval: { type: 'string' },
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
  const seconds = intOption('seconds', values.seconds as string, 60, [10, 3_600]);
  const interval =
    values.interval === undefined
      ? undefined
      : intOption('interval', values.interval as string, 60, [1, 3_600]);

  progress('bench: building the pages and the agent binary when needed');
  ensureWebBuild();
  ensureAgentBinary();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'chamados-bench-agent-'));
  cleanup.add('remove the work directory', () => rmSync(workDir, { recursive: true, force: true }));

  const port = await freePort();
  const serverUrl = `http://127.0.0.1:${port}`;
  progress('bench: starting the server on its embedded database');
  await startProcess(
    'the Chamados server',
    ['--import', 'tsx', 'server/main.ts'],
    {
      cwd: path.join(repoRoot, 'apps/web'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        APP_URL: serverUrl,
        DATA_DIR: path.join(workDir, 'server'),
        MACHINE_PROVISIONING_SECRET: provisioningSecret,
        ADMIN_EMAIL: benchAdmin.email,
        ADMIN_PASSWORD: benchAdmin.password,
        LOG_LEVEL: 'warn',
      },
      url: `${serverUrl}/api/health`,
    },
    cleanup,
  );

  const agentEnv = {
    PATH: process.env.PATH,
    HOME: workDir,
    CHAMADOS_AGENT_STATE: path.join(workDir, 'agent', 'agent.json'),
    CHAMADOS_AGENT_SOCKET: path.join(workDir, 'agent.sock'),
  };
  // A fresh server has no company yet, and a machine enrols into one.
  await createCompany(serverUrl);
  execFileSync(
    agentBinary,
    ['enroll', '--server', serverUrl, '--secret', provisioningSecret, '--company', 'bench'],
    { env: agentEnv, stdio: 'ignore' },
  );

  progress(`bench: running the agent for ${seconds} s`);
  const agent = spawn(
    agentBinary,
    ['run', ...(interval === undefined ? [] : ['--interval', String(interval)])],
    { env: agentEnv, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  agent.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise((resolve) => agent.once('exit', resolve));
  cleanup.add('stop the agent', async () => {
    if (agent.exitCode !== null) return;
    agent.kill('SIGTERM');
    await exited;
  });
  const measure = () => {
    const read = processUsage(agent.pid);
    if (!read) throw new Error(`the agent is gone (or there is no /proc):\n${log}`);
    return read;
  };
  const startUsage = measure();
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const usageAtEnd = measure();
  const elapsedSeconds = (Date.now() - started) / 1000;

  const collections = [...log.matchAll(/inventory\.collected ms=(\d+)/g)].map((match) =>
    Number(match[1]),
  );
  const binaryBytes = statSync(agentBinary).size;
  const report = {
    seconds,
    interval: interval ?? 'server',
    peakRssMb: Math.round((usageAtEnd.peakRssBytes / 1024 / 1024) * 10) / 10,
    // Average over the measured run, from the moment the process started running the loop.
    averageCpuPercent:
      Math.round(((usageAtEnd.cpuSeconds - startUsage.cpuSeconds) / elapsedSeconds) * 10_000) / 100,
    cpuSecondsIncludingStart: usageAtEnd.cpuSeconds,
    inventoryCollectionsMs: collections,
    binarySizeMb: Math.round((binaryBytes / 1024 / 1024) * 10) / 10,
    startTimeMs: startTimeMs(5),
    heartbeatsRefused: (log.match(/server\.unreachable|machine\.unauthorized/g) ?? []).length,
  };
  const worstCollection = Math.max(0, ...collections);
  const targets = {
    rss: report.peakRssMb < 80,
    cpu: report.averageCpuPercent < 1,
    inventory: collections.length > 0 && worstCollection < 3_000,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...report, targets }, null, 2)}\n`);
    return 0;
  }
  const verdict = (met: boolean) => (met ? 'met' : 'missed');
  process.stdout.write(
    [
      `Agent binary: ${report.binarySizeMb} MB, starts and exits (--help) in ${report.startTimeMs} ms.`,
      `Service loop: ${seconds} s, heartbeat interval ${report.interval}.`,
      '',
      `peak RSS:              ${report.peakRssMb} MB (target < 80 MB: ${verdict(targets.rss)})`,
      `average CPU:           ${report.averageCpuPercent} % of one core (target < 1 %: ${verdict(targets.cpu)})`,
      `inventory collection:  ${collections.join(', ') || 'none'} ms (target < 3000 ms: ${verdict(targets.inventory)})`,
      `CPU time incl. start:  ${report.cpuSecondsIncludingStart} s`,
      `refused or failed:     ${report.heartbeatsRefused}`,
      '',
    ].join('\n'),
  );
  return 0;
}

/** Signs in as the first admin and creates the company the agent enrols into. */
async function createCompany(serverUrl: string): Promise<void> {
  const { token } = await signIn(serverUrl, benchAdmin.email, benchAdmin.password, serverUrl);
  const created = await call(serverUrl, '/api/companies', {
    token,
    headers: { origin: serverUrl },
    json: { name: 'Bench', slug: 'bench' },
  });
  if (created.status !== 201) throw new Error(`creating the company failed: ${created.status}`);
}

runCli(main);
