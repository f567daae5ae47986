import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.ts';

const secret = 'a-secret-that-is-at-least-32-characters';

describe('loadConfig', () => {
  it('has defaults for a zero-setup start', () => {
    const config = loadConfig({ INIT_CWD: '/srv/chamados' });
    expect(config).toEqual({
      mode: 'development',
      port: 3000,
      dataDir: '/srv/chamados/data',
      database: { kind: 'pglite' },
      appUrl: 'http://localhost:3000',
      authSecret: undefined,
      admin: { email: 'admin@chamados.local', password: undefined, emailFromEnv: false },
      logLevel: 'info',
      machines: {
        provisioningSecret: undefined,
        tokenTtlMs: 30 * 24 * 3_600_000,
        retentionDays: 30,
      },
    });
  });

  it('treats empty variables as unset and resolves DATA_DIR where the command was typed', () => {
    const config = loadConfig({ PORT: '', DATA_DIR: 'var/db', INIT_CWD: '/home/ana/chamados' });
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('/home/ana/chamados/var/db'));
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://chamados@db:5432/chamados',
      BETTER_AUTH_SECRET: secret,
      APP_URL: 'https://help.example.com/',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://chamados@db:5432/chamados',
    });
    expect(config.appUrl).toBe('https://help.example.com');
  });

  const invalid: { env: Record<string, string>; names: string }[] = [
    { env: { PORT: 'abc' }, names: 'PORT' },
    { env: { PORT: '70000' }, names: 'PORT' },
    { env: { DATABASE_URL: 'mysql://db/x' }, names: 'DATABASE_URL' },
    { env: { APP_URL: 'ftp://x' }, names: 'APP_URL' },
    { env: { BETTER_AUTH_SECRET: 'short' }, names: 'BETTER_AUTH_SECRET' },
    { env: { ADMIN_EMAIL: 'not-an-email' }, names: 'ADMIN_EMAIL' },
    { env: { ADMIN_PASSWORD: 'short' }, names: 'ADMIN_PASSWORD' },
    { env: { LOG_LEVEL: 'loud' }, names: 'LOG_LEVEL' },
    { env: { NODE_ENV: 'staging' }, names: 'NODE_ENV' },
    { env: { MACHINE_PROVISIONING_SECRET: 'short' }, names: 'MACHINE_PROVISIONING_SECRET' },
    { env: { MACHINE_TOKEN_TTL_MS: '10' }, names: 'MACHINE_TOKEN_TTL_MS' },
    { env: { DATABASE_URL: 'postgres://db/x' }, names: 'BETTER_AUTH_SECRET' },
  ];

  it.each(invalid)('stops on a wrong $names, naming it', ({ env, names }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid environment:\\n  ${names}: `));
  });
});
