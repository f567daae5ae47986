import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs before `npm start`: builds the pages when there is no build yet or when a source file
// is newer than the last build, so a fresh clone and an edited one both start right.

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = [path.join(webDir, 'src'), path.resolve(webDir, '../../packages/core/src')];
const buildStamp = path.join(webDir, '.next', 'BUILD_ID');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

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
