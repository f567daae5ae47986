import { chmodSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AgentError, exitCodes } from './errors.ts';
import type { AgentLogger } from './log.ts';

/**
 * Where the running service answers local requests for a login URL: a Unix socket any local
 * user may connect to (the state file itself is the service account's alone), or a named pipe
 * on Windows. `CHAMADOS_AGENT_SOCKET` overrides it.
 */
export function localSocketPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  isRoot: boolean = process.getuid?.() === 0,
): string {
  if (env.CHAMADOS_AGENT_SOCKET) return env.CHAMADOS_AGENT_SOCKET;
  if (platform === 'win32') return '\\\\.\\pipe\\chamados-agent';
  if (isRoot)
    return platform === 'darwin' ? '/var/run/chamados-agent.sock' : '/run/chamados-agent.sock';
  const runtimeDir = env.XDG_RUNTIME_DIR || os.tmpdir();
  return path.join(runtimeDir, `chamados-agent-${process.getuid?.() ?? 'user'}.sock`);
}

/** A local request may come this often; the server limits sessions per address as well. */
const minIntervalMs = 2_000;

/**
 * Serves login URLs to local users: on each connection it asks the server for a machine
 * session and writes one JSON line, `{"loginUrl":…}` or `{"error":…}`, then closes. Nothing is
 * read from the client, so there is nothing to parse or trust. The login code in the URL is
 * single-use and lives 60 s; giving it to anyone logged in on this machine is the point: they
 * open tickets as this machine.
 */
export async function startLocalService(
  socketPath: string,
  loginUrl: () => Promise<string>,
  log: AgentLogger,
): Promise<{ close(): Promise<void> }> {
  let lastAt = 0;
  const server = net.createServer((socket) => {
    socket.on('error', () => socket.destroy());
    const now = Date.now();
    if (now - lastAt < minIntervalMs) {
      socket.end(`${JSON.stringify({ error: 'Asked too often; try again in a moment' })}\n`);
      return;
    }
    lastAt = now;
    loginUrl().then(
      (url) => {
        log.info('local.login_url');
        socket.end(`${JSON.stringify({ loginUrl: url })}\n`);
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        log.warn('local.login_url_failed', { reason: message });
        socket.end(`${JSON.stringify({ error: message })}\n`);
      },
    );
  });

  // A socket file left by a service that died is in the way; a live one is not ours to take.
  if (process.platform !== 'win32' && (await answers(socketPath))) {
    throw new AgentError(`Another agent already serves ${socketPath}`, exitCodes.failed);
  }
  if (process.platform !== 'win32') rmSync(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  if (process.platform !== 'win32') chmodSync(socketPath, 0o666);
  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/**
 * Where `open` looks for a running service: the one the current user would run, and the
 * system-wide one (root / SYSTEM), which is the usual case for a user at the desktop.
 */
export function localSocketCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.CHAMADOS_AGENT_SOCKET) return [env.CHAMADOS_AGENT_SOCKET];
  return [...new Set([localSocketPath(env, process.platform, true), localSocketPath(env)])];
}

/** Asks the running service for a login URL; null when no service answers there. */
export function loginUrlFromService(
  socketPath: string,
  timeoutMs = 35_000,
): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let text = '';
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error('the agent service did not answer')),
    );
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(new AgentError(`The agent service failed: ${error.message}`, exitCodes.failed));
    });
    socket.once('end', () => {
      let answer: { loginUrl?: unknown; error?: unknown };
      try {
        answer = JSON.parse(text);
      } catch {
        reject(new AgentError('The agent service answered something unreadable', exitCodes.failed));
        return;
      }
      if (typeof answer.loginUrl === 'string') resolve(answer.loginUrl);
      else
        reject(new AgentError(`The agent service says: ${String(answer.error)}`, exitCodes.failed));
    });
  });
}
