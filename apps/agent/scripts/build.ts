import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { inject } from 'postject';

/**
 * Builds the agent as one executable file: esbuild bundles the sources and systeminformation
 * into a single CommonJS file, Node turns it into a single-executable-application blob, and
 * postject injects the blob into a copy of this Node binary. The result runs on machines
 * without Node, on the OS and architecture this build ran on.
 */
const agentDir = path.resolve(import.meta.dirname, '..');
const distDir = path.join(agentDir, 'dist');
const bundle = path.join(distDir, 'chamados-agent.cjs');
const blob = path.join(distDir, 'chamados-agent.blob');
const seaConfig = path.join(distDir, 'sea-config.json');
const binary = path.join(
  distDir,
  process.platform === 'win32' ? 'chamados-agent.exe' : 'chamados-agent',
);
/** The marker Node looks for to know a blob was injected. */
const seaFuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

function step(message: string): void {
  process.stderr.write(`agent build: ${message}\n`);
}

rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });

step('bundling');
await build({
  entryPoints: [path.join(agentDir, 'src/main.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // Optional native add-ons systeminformation tries to load on macOS; it works without them.
  external: ['osx-temperature-sensor', 'macos-temperature-sensor'],
  logLevel: 'warning',
});

step('preparing the single-executable blob');
writeFileSync(
  seaConfig,
  JSON.stringify({
    main: bundle,
    output: blob,
    disableExperimentalSEAWarning: true,
    useCodeCache: true,
  }),
);
execFileSync(process.execPath, ['--experimental-sea-config', seaConfig], { stdio: 'inherit' });

step('injecting it into a copy of Node');
copyFileSync(process.execPath, binary);
if (process.platform === 'darwin') {
  // Node's own signature would no longer match; the release workflow signs the result.
  execFileSync('codesign', ['--remove-signature', binary], { stdio: 'inherit' });
}
await inject(binary, 'NODE_SEA_BLOB', readFileSync(blob), {
  sentinelFuse: seaFuse,
  ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
});
rmSync(blob);
rmSync(seaConfig);

const megabytes = (statSync(binary).size / 1024 / 1024).toFixed(1);
step(`built ${path.relative(process.cwd(), binary)} (${megabytes} MB)`);
