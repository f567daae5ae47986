import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { bearer } from 'better-auth/plugins';
import type { Database } from '../db/client.ts';
import { accounts, rateLimits, sessions, users, verifications } from '../db/schema/index.ts';
import type { Logger } from '../logger.ts';

/** The header our HTTP server fills with the socket's address, overwriting any sent by a client. */
export const clientIpHeader = 'x-chamados-client-ip';

export const passwordLength = { min: 12, max: 128 } as const;

/** Sign-in attempts allowed per client address within the window. */
export const signInRateLimit = { window: 60, max: 10 } as const;

export interface AuthOptions {
  db: Database;
  appUrl: string;
  secret: string;
  logger: Logger;
}

/**
 * Better Auth for Chamados: email and password only, no public sign-up (admins create users),
 * sessions in the database, bearer tokens for API clients, and rate limits kept in the
 * database so that every server process counts the same attempts.
 */
export function createAuth({ db, appUrl, secret, logger }: AuthOptions) {
  const authLog = logger.child({ component: 'auth' });

  return betterAuth({
    appName: 'Chamados',
    baseURL: appUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [appUrl],
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: passwordLength.min,
      maxPasswordLength: passwordLength.max,
    },
    user: {
      additionalFields: {
        // Never taken from a request: only our services set roles and companies.
        role: { type: 'string', required: true, defaultValue: 'requester', input: false },
        companyId: { type: 'string', required: false, input: false },
        isCompanyManager: { type: 'boolean', required: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': signInRateLimit },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
      // Better Auth skips its origin (CSRF) check when it thinks it runs under a test runner;
      // set it explicitly so tests exercise exactly what production does.
      disableOriginCheck: false,
      cookiePrefix: 'chamados',
      useSecureCookies: appUrl.startsWith('https://'),
    },
    plugins: [bearer()],
    // Refusals (wrong password, bad origin) are answered to the client and logged by our
    // request log; only real faults are worth an error line here.
    onAPIError: {
      onError: (error) => {
        const status = (error as { status?: unknown }).status;
        if (status === undefined || status === 'INTERNAL_SERVER_ERROR') {
          authLog.error({ err: error }, 'auth request failed');
        }
      },
    },
    logger: {
      level: 'warn',
      // Only the message: Better Auth's extra arguments can hold request data.
      log: (level, message) => authLog[level]({ event: 'auth' }, message),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
