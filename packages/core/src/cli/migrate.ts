import { ConfigError, loadConfig } from '../config/env.ts';
import { openPglite, openPostgres } from '../db/client.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { migrateDatabase } from '../db/migrate.ts';

const usage = `Usage: npm run db:migrate

Applies Chamados' SQL migrations to the database the environment names:
DATABASE_URL when set, else the embedded database in DATA_DIR (default ./data).
Exit codes: 0 applied (or nothing to do), 1 failed, 2 bad configuration.`;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }

  const config = loadConfig();
  const handle =
    config.database.kind === 'postgres'
      ? openPostgres(config.database.url, 1)
      : await openPglite(config.dataDir);
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  const where = config.database.kind === 'postgres' ? 'PostgreSQL' : config.dataDir;
  process.stderr.write(`Migrations applied (${where}).\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof DataDirLockedError;
    process.stderr.write(`${known ? (error as Error).message : String(error)}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
