import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { newestMtime } from '../../apps/web/scripts/newest-mtime.ts';
import { repoRoot } from './app-process.ts';

const agentDir = path.join(repoRoot, 'apps/agent');
export const agentBinary = path.join(agentDir, 'dist/chamados-agent');

/**
 * Builds the agent's single executable when it is missing or older than its sources, the way
 * a release does (`npm run build -w @chamados/agent`), so the tests run the real binary.
 */
export function ensureAgentBinary(): string {
  let builtAt = 0;
  try {
    builtAt = statSync(agentBinary).mtimeMs;
  } catch {
    // Not built yet.
  }
  const sources = Math.max(
    newestMtime(path.join(agentDir, 'src')),
    newestMtime(path.join(agentDir, 'scripts')),
    // The agent bundles the hashing and placeholder rules it shares with the server.
    newestMtime(path.join(repoRoot, 'packages/core/src/machines')),
  );
  if (builtAt < sources) {
    execFileSync(path.join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/build.ts'], {
      cwd: agentDir,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
  }
  return agentBinary;
}
