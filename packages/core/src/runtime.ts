import { type Auth, createAuth } from './auth/auth.ts';
import { type AdminBootstrap, ensureFirstAdmin } from './bootstrap/ensure-admin.ts';
import type { Config } from './config/env.ts';
import { readOrCreateSecret, secretFiles } from './config/secret.ts';
import { type DatabaseHandle, openPglite, openPostgres } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { type EventHub, startEventHub } from './events/hub.ts';
import { createLogger, type Logger } from './logger.ts';
import { createHeartbeatWriter, type HeartbeatWriter } from './machines/heartbeat-writer.ts';
import { startStatusSweeper } from './machines/status-sweeper.ts';
import { createTokenCache, type TokenCache } from './machines/token-cache.ts';

/** Everything a server process holds for its lifetime. */
export interface Runtime {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  auth: Auth;
  /** Committed changes, live, from every process on the same database. */
  events: EventHub;
  adminBootstrap: AdminBootstrap;
  /** The machine hot path: tokens in memory, heartbeats written behind. */
  machines: { tokens: TokenCache; heartbeats: HeartbeatWriter };
  /** The global machine enrollment secret, and whether it was generated on this start. */
  provisioning: { secret: string | null; generated: boolean };
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  /** An already open database (tests restore a snapshot instead of opening DATA_DIR). */
  database?: DatabaseHandle;
  logger?: Logger;
}

/** Opens the database, applies migrations, prepares auth and makes sure an admin exists. */
export async function createRuntime(
  config: Config,
  overrides: RuntimeOverrides = {},
): Promise<Runtime> {
  const logger = overrides.logger ?? createLogger(config);
  const database =
    overrides.database ??
    (config.database.kind === 'postgres'
      ? openPostgres(config.database.url)
      : await openPglite(config.dataDir));

  try {
    await migrateDatabase(database);
    logger.info({ event: 'database.migrated', database: database.kind }, 'migrations applied');

    const secret = await resolveSecret(config, logger);
    const auth = createAuth({ db: database.db, appUrl: config.appUrl, secret, logger });
    const adminBootstrap = await ensureFirstAdmin(database.db, config.admin);
    if (adminBootstrap.created) {
      logger.info({ event: 'admin.created', email: adminBootstrap.email }, 'first admin created');
    }

    const events = await startEventHub(database, logger);
    const provisioning = await resolveProvisioningSecret(config, database.kind);
    const tokens = createTokenCache(database.db);
    // Revocations and re-enrolments made by any process evict the machine's cached tokens.
    const stopEvicting = events.subscribe((event) => {
      if (event.type === 'machine.token_revoked' || event.type === 'machine.reenrolled') {
        tokens.forgetMachine(String(event.data.machineId));
      }
    });
    const heartbeats = createHeartbeatWriter(database, {
      tokenTtlMs: config.machines.tokenTtlMs,
      logger,
    });
    const sweeper = startStatusSweeper(database, logger, {
      retentionDays: config.machines.retentionDays,
    });

    return {
      config,
      logger,
      database,
      auth,
      events,
      adminBootstrap,
      provisioning,
      machines: { tokens, heartbeats },
      async close() {
        sweeper.stop();
        stopEvicting();
        await heartbeats.close();
        await events.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * The embedded setup works out of the box, so it generates the global enrollment secret and
 * keeps it in DATA_DIR; a PostgreSQL deployment must set MACHINE_PROVISIONING_SECRET to turn the
 * machine API on.
 */
async function resolveProvisioningSecret(config: Config, kind: DatabaseHandle['kind']) {
  if (config.machines.provisioningSecret) {
    return { secret: config.machines.provisioningSecret, generated: false };
  }
  if (kind === 'postgres') return { secret: null, generated: false };
  const { secret, created } = await readOrCreateSecret(config.dataDir, secretFiles.provisioning);
  return { secret, generated: created };
}

async function resolveSecret(config: Config, logger: Logger): Promise<string> {
  if (config.authSecret) return config.authSecret;

  const { secret, created } = await readOrCreateSecret(config.dataDir);
  if (created) {
    logger.warn(
      { event: 'auth.secret_generated', dataDir: config.dataDir },
      'BETTER_AUTH_SECRET is not set: generated one and kept it in DATA_DIR. ' +
        'Set BETTER_AUTH_SECRET to choose your own.',
    );
  }
  return secret;
}
