import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, createRuntime, DataDirLockedError, loadConfig } from '@chamados/core';
import next from 'next';
import { createHttpServer } from './app.ts';
import { printBanner } from './banner.ts';
import { publishRuntime } from './runtime-global.ts';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shutdownGraceMs = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  publishRuntime(runtime);

  const dev = config.mode === 'development';
  const nextApp = next({ dev, dir: webDir, port: config.port });
  await nextApp.prepare();
  const pages = nextApp.getRequestHandler();

  const server = createHttpServer(runtime, (req, res) => pages(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, resolve);
  });
  runtime.logger.info(
    {
      event: 'server.started',
      port: config.port,
      database: runtime.database.kind,
      mode: config.mode,
    },
    'server started',
  );
  printBanner(runtime, config.appUrl);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ event: 'server.stopping', signal }, 'server stopping');
    const force = setTimeout(() => server.closeAllConnections(), shutdownGraceMs).unref();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    await nextApp.close().catch(() => {});
    await runtime.close();
    runtime.logger.info({ event: 'server.stopped' }, 'server stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`\nChamados cannot start.\n${error.message}\n\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
  process.stderr.write(`\nChamados failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
