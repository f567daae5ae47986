import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Cleanup } from './cli.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Starts a child process and waits until `url` answers (any status), within `timeoutMs`. */
export async function startProcess(
  name: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; url: string; timeoutMs?: number },
  cleanup: Cleanup,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  cleanup.add(`stop ${name}`, async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${stderr}`);
    try {
      await fetch(options.url);
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${name} did not start in time:\n${stderr}`);
}

/** Builds the pages when needed, as `npm start` does: the server process serves them too. */
export function ensureWebBuild(): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-build.ts'], {
    cwd: path.join(repoRoot, 'apps/web'),
    // Build output is progress, not data: stderr.
    stdio: ['ignore', 2, 2],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('building the pages failed');
}
