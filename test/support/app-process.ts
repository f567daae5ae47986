import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres-cluster.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webDir = path.join(repoRoot, 'apps/web');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

/** Builds the pages when the build is missing or older than the sources (as `npm start` does). */
export function ensureBuild(): void {
  execFileSync(tsx, ['scripts/ensure-build.ts'], { cwd: webDir, stdio: 'inherit' });
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

/**
 * Starts the real server process (`server/main.ts`, production mode) and waits until its
 * health endpoint answers. A process that exits first is an error, unless `expectExit` says
 * the test wants to see it refuse to start.
 */
export async function startApp(
  env: Record<string, string>,
  { expectExit = false } = {},
): Promise<AppProcess> {
  const port = env.PORT ?? String(await freePort());
  const url = env.APP_URL ?? `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: webDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'info',
      ...env,
      PORT: port,
      APP_URL: url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const app: AppProcess = {
    url,
    child,
    output: () => text,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  const up = await waitUntilUp(app);
  if (!up && !expectExit) {
    throw new Error(`server exited with ${child.exitCode} before serving:\n${text}`);
  }
  return app;
}

/** True once the server answers; false when it exited first. */
async function waitUntilUp(app: AppProcess): Promise<boolean> {
  let done = false;
  void app.exited.then(() => {
    done = true;
  });
  const deadline = Date.now() + 90_000;
  while (!done && Date.now() < deadline) {
    try {
      const response = await fetch(`${app.url}/api/health`);
      if (response.status === 200) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!done) throw new Error(`server did not start in time:\n${app.output()}`);
  return false;
}
