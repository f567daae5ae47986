import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.ts';

// Runs before `npm start`: builds the pages when there is no build yet or when a source file
// is newer than the last build, so a fresh clone and an edited one both start right.

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = [path.join(webDir, 'src'), path.resolve(webDir, '../../packages/core/src')];
const buildStamp = path.join(webDir, '.next', 'BUILD_ID');

function builtAt(): number {
  try {
    return statSync(buildStamp).mtimeMs;
  } catch {
    return 0;
  }
}

const built = builtAt();
const changed = Math.max(...sources.map(newestMtime));
if (built > 0 && built >= changed) process.exit(0);

process.stderr.write(built === 0 ? 'Building Chamados…\n' : 'Sources changed: rebuilding…\n');
const result = spawnSync('npx', ['next', 'build'], {
  cwd: webDir,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
