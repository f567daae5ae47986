import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentBinary, ensureAgentBinary } from '../../../../test/support/agent-binary.ts';
import { call, signIn } from '../../../../test/support/api-client.ts';
import {
  type AppProcess,
  ensureBuild,
  repoRoot,
  startApp,
} from '../../../../test/support/app-process.ts';
import { chromiumPath } from '../../../../test/support/browser.ts';
import { freePort } from '../../../../test/support/postgres-cluster.ts';
import { createPostgresDatabase } from '../../../../test/support/test-database.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read API bodies field by field
type Json = Record<string, any>;

const admin = { email: 'ops@agent.test', password: 'ops-password-for-agent-tests' };
const provisioningSecret = 'agent-e2e-provisioning-secret-0123456789';
const screenshots = path.join(repoRoot, 'test-results', 'screenshots');

let database: { url: string; drop(): Promise<void> };
let serverEnv: Record<string, string>;
let server: AppProcess;
let adminToken = '';
let workDir = '';
let agentEnv: NodeJS.ProcessEnv;
let agent: RunningAgent | undefined;
let machineId = '';

interface RunningAgent {
  child: ChildProcess;
  log(): string;
  /** Resolves with the first log line matching `pattern` written after `from` characters. */
  waitFor(pattern: RegExp, timeoutMs?: number, from?: number): Promise<string>;
  stop(): Promise<number | null>;
}

function startAgent(args: string[]): RunningAgent {
  const child = spawn(agentBinary, args, { env: agentEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    child,
    log: () => text,
    async waitFor(pattern, timeoutMs = 30_000, from = 0) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const line = text
          .slice(from)
          .split('\n')
          .find((candidate) => pattern.test(candidate));
        if (line) return line;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`agent never logged ${pattern}; it logged:\n${text}`);
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs an agent command to completion. */
function agentCommand(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(agentBinary, args, {
      env: { ...agentEnv, ...env },
      encoding: 'utf8',
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const api = (pathname: string, options: Parameters<typeof call>[2] = {}) =>
  call(server.url, pathname, {
    token: adminToken,
    ...options,
    headers: { origin: server.url, ...options.headers },
  });

async function machine(): Promise<Json> {
  const response = await api(`/api/machines/${machineId}`);
  expect(response.status).toBe(200);
  return (response.body as Json).machine;
}

beforeAll(async () => {
  ensureBuild();
  ensureAgentBinary();
  database = await createPostgresDatabase();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'chamados-agent-e2e-'));
  serverEnv = {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: 'agent-e2e-auth-secret-of-32-characters',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    MACHINE_PROVISIONING_SECRET: provisioningSecret,
    DATA_DIR: path.join(workDir, 'server'),
    // A fixed port: the server is stopped and started again at the same address.
    PORT: String(await freePort()),
  };
  server = await startApp(serverEnv);
  adminToken = (await signIn(server.url, admin.email, admin.password, server.url)).token;
  const company = await api('/api/companies', { json: { name: 'Agência Centro' } });
  expect(company.status).toBe(201);

  agentEnv = {
    PATH: process.env.PATH,
    HOME: workDir,
    CHAMADOS_AGENT_STATE: path.join(workDir, 'agent', 'agent.json'),
    CHAMADOS_AGENT_SOCKET: path.join(workDir, 'agent.sock'),
    CHAMADOS_AGENT_LOG_LEVEL: 'debug',
  };
  const enrolled = agentCommand([
    'enroll',
    '--server',
    server.url,
    '--secret',
    provisioningSecret,
    '--company',
    (company.body as Json).company.slug,
    '--json',
  ]);
  expect(enrolled.stderr).toBe('');
  expect(enrolled.status).toBe(0);
  machineId = JSON.parse(enrolled.stdout).machineId;
}, 300_000);

afterAll(async () => {
  await agent?.stop();
  await server?.stop();
  await database?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the agent binary against the real server on PostgreSQL', () => {
  it('keeps its credentials in an owner-only state file and never prints them', () => {
    const stateFile = agentEnv.CHAMADOS_AGENT_STATE as string;
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(stateFile)).mode & 0o777).toBe(0o700);
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(state.machineToken).toMatch(/^cmt_/);

    const status = agentCommand(['status', '--json']);
    expect(status.status).toBe(0);
    expect(status.stdout).not.toContain(state.machineToken);
    expect(status.stdout).not.toContain(provisioningSecret);
    expect(JSON.parse(status.stdout)).toMatchObject({
      server: server.url,
      machineId,
      canReenrol: true,
      serverView: { id: machineId, hostname: os.hostname(), company: { name: 'Agência Centro' } },
    });
  });

  it('heartbeats and reports the real inventory of this machine', async () => {
    agent = startAgent(['run', '--interval', '1']);
    await agent.waitFor(/heartbeat\.sent/);

    await expect.poll(async () => (await machine()).status, { timeout: 15_000 }).toBe('online');
    const seen = await machine();
    expect(seen.hostname).toBe(os.hostname());
    expect(seen.latestMetrics.memory.totalBytes).toBe(os.totalmem());

    const inventory = seen.inventory.data;
    const release = readFileSync('/etc/os-release', 'utf8');
    expect(release).toContain(`NAME="${inventory.os.name}"`);
    expect(inventory.os.arch).toBe(os.arch());
    const interfaces = Object.entries(os.networkInterfaces())
      .filter(([, addresses]) => addresses?.some((address) => !address.internal))
      .map(([name]) => name)
      .sort();
    expect(inventory.network.map((item: Json) => item.name)).toEqual(interfaces);
    expect(inventory.network.some((item: Json) => item.defaultRoute)).toBe(true);
    const bash = inventory.software.find((item: Json) => item.name === 'bash');
    // `dpkg-query -W bash` prints the package and its version, TAB-separated.
    const [, installed] = execFileSync('dpkg-query', ['-W', 'bash'], { encoding: 'utf8' })
      .trim()
      .split('\t');
    expect(bash?.version).toBe(installed);
    expect(inventory.sources.software).toBe('dpkg');

    // The credentials never reach the log.
    const state = JSON.parse(readFileSync(agentEnv.CHAMADOS_AGENT_STATE as string, 'utf8'));
    expect(agent.log()).not.toContain(state.machineToken);
    expect(agent.log()).not.toContain(provisioningSecret);
  });

  it('backs off while the server is down and resumes without losing the inventory', async () => {
    const running = agent as RunningAgent;
    const before = await machine();
    await server.stop();

    const from = running.log().length;
    let first = '';
    let second = '';
    try {
      first = await running.waitFor(/server\.unreachable.*failures=1/, 15_000, from);
      second = await running.waitFor(/server\.unreachable.*failures=2/, 15_000, from);
    } finally {
      // Whatever was seen, the next tests need the server back.
      server = await startApp(serverEnv);
      adminToken = (await signIn(server.url, admin.email, admin.password, server.url)).token;
    }
    // The wait doubles from 5 s, each time to a random point between half and all of it.
    const retryIn = (line: string) => Number(/retryIn=(\d+)s/.exec(line)?.[1]);
    expect(retryIn(first)).toBeGreaterThanOrEqual(2);
    expect(retryIn(first)).toBeLessThanOrEqual(5);
    expect(retryIn(second)).toBeGreaterThanOrEqual(5);
    expect(retryIn(second)).toBeLessThanOrEqual(10);
    expect(running.child.exitCode).toBeNull();

    await running.waitFor(/server\.reachable/, 30_000, from);
    await expect
      .poll(async () => (await machine()).lastSeenAt > before.lastSeenAt, { timeout: 10_000 })
      .toBe(true);
    const after = await machine();
    expect(after.inventory.hash).toBe(before.inventory.hash);
    expect(after.inventory.data.software.length).toBe(before.inventory.data.software.length);
  });

  it('enrols again by itself when its token is revoked, as the same machine', async () => {
    const running = agent as RunningAgent;
    const from = running.log().length;
    const revoked = await api(`/api/machines/${machineId}/revoke-token`, { method: 'POST' });
    expect(revoked.status).toBe(200);

    await running.waitFor(/machine\.unauthorized/, 15_000, from);
    const reenrolled = await running.waitFor(/machine\.reenrolled/, 15_000, from);
    expect(reenrolled).toContain(`machineId=${machineId}`);
    await running.waitFor(/heartbeat\.sent/, 15_000, running.log().indexOf(reenrolled));

    const listed = await api(`/api/machines?q=${encodeURIComponent(os.hostname())}`);
    expect((listed.body as Json).machines).toHaveLength(1);
    expect((await machine()).token.state).toBe('active');
  });

  it('gives a user who cannot read its state a login URL through the running service', async () => {
    // As a desktop user would be: no state of their own, only the service's socket.
    const asUser = agentCommand(['open', '--print'], {
      CHAMADOS_AGENT_STATE: path.join(workDir, 'someone-else', 'agent.json'),
    });
    expect(asUser.status).toBe(0);
    const loginUrl = asUser.stdout.trim();
    expect(loginUrl).toMatch(/\/machine-login\?code=/);

    const landing = await fetch(loginUrl, { redirect: 'manual' });
    expect(landing.status).toBeGreaterThanOrEqual(300);
    expect(landing.status).toBeLessThan(400);
    expect(landing.headers.get('location')).toMatch(/\/tickets\/new$/);
    expect(landing.headers.get('set-cookie')).toBeTruthy();
  });

  it('opens the helpdesk as this machine in a Chromium app window under Xvfb', async () => {
    // Xvfb picks a free display itself and writes its number to file descriptor 3.
    const xvfb = spawn(
      'Xvfb',
      ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
      {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      },
    );
    const display = await new Promise<string>((resolve, reject) => {
      xvfb.stdio[3]?.once('data', (chunk: Buffer) => resolve(`:${chunk.toString().trim()}`));
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    });
    const debuggingPort = await freePort();
    const profile = path.join(workDir, 'browser-profile');
    try {
      const opened = agentCommand(['open'], {
        DISPLAY: display,
        CHAMADOS_AGENT_BROWSER: chromiumPath,
        // The test reaches into the window the agent opened through Chromium's debugging port.
        CHAMADOS_AGENT_BROWSER_ARGS: [
          `--remote-debugging-port=${debuggingPort}`,
          `--user-data-dir=${profile}`,
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ].join(' '),
      });
      expect(opened.status).toBe(0);

      let browser: Awaited<ReturnType<typeof chromium.connectOverCDP>> | undefined;
      await expect
        .poll(
          async () => {
            browser = await chromium
              .connectOverCDP(`http://127.0.0.1:${debuggingPort}`)
              .catch(() => undefined);
            return browser !== undefined;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      const connected = browser as NonNullable<typeof browser>;
      const page = connected.contexts().flatMap((context) => context.pages())[0];
      expect(page).toBeDefined();
      if (!page) return;
      await page.waitForURL(/\/tickets\/new$/, { timeout: 20_000 });
      await expect.poll(() => page.getByLabel('Assunto').isVisible()).toBe(true);
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: path.join(screenshots, 'agent-open-new-ticket.png') });
      await connected.close();
    } finally {
      spawn('pkill', ['-f', profile], { stdio: 'ignore' });
      xvfb.kill();
    }
  });
});
