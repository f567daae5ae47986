import { createHash, randomBytes } from 'node:crypto';
import { makeSignature } from 'better-auth/crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Auth } from '../auth/auth.ts';
import type { Database } from '../db/client.ts';
import { machines, sessions, verifications } from '../db/schema/index.ts';

/** A login code opens a browser as the machine once, within this time. */
export const loginCodeTtlMs = 60_000;
const loginCodePrefix = 'machine-login:';

const codeKey = (code: string) =>
  `${loginCodePrefix}${createHash('sha256').update(code).digest('hex')}`;

export interface SessionCookie {
  name: string;
  /** The full `Set-Cookie` header value. */
  header: string;
}

/** The session cookie exactly as Better Auth writes it: `token.signature`, signed. */
async function sessionCookie(auth: Auth, token: string, expiresAt: Date): Promise<SessionCookie> {
  const context = await auth.$context;
  const { name, attributes } = context.authCookies.sessionToken;
  const value = encodeURIComponent(`${token}.${await makeSignature(token, context.secret)}`);
  const parts = [`${name}=${value}`, `Path=${attributes.path ?? '/'}`, 'HttpOnly'];
  parts.push(`SameSite=${attributes.sameSite === 'none' ? 'None' : 'Lax'}`);
  parts.push(`Expires=${expiresAt.toUTCString()}`);
  if (attributes.secure) parts.push('Secure');
  return { name, header: parts.join('; ') };
}

/**
 * A helpdesk session for the machine's own identity (its user of role `machine`), and a
 * single-use code that opens it in a browser. Only the code's hash is stored.
 */
export async function createMachineSession(
  auth: Auth,
  db: Database,
  machineId: string,
  client: { ipAddress?: string; userAgent?: string } = {},
) {
  const [machine] = await db.select().from(machines).where(eq(machines.id, machineId));
  if (!machine) throw new Error(`machine ${machineId} vanished`);

  const context = await auth.$context;
  const session = await context.internalAdapter.createSession(machine.userId, false, {
    ipAddress: client.ipAddress,
    userAgent: client.userAgent,
  });
  const code = randomBytes(32).toString('base64url');
  const codeExpiresAt = new Date(Date.now() + loginCodeTtlMs);
  await db.insert(verifications).values({
    id: randomBytes(16).toString('hex'),
    identifier: codeKey(code),
    value: session.id,
    expiresAt: codeExpiresAt,
  });
  return {
    cookie: await sessionCookie(auth, session.token, session.expiresAt),
    sessionExpiresAt: session.expiresAt,
    loginCode: code,
    loginCodeExpiresAt: codeExpiresAt,
  };
}

/**
 * Redeems a login code: deleting it is the check, so it works once even when two requests race.
 * Null when the code is unknown, used or expired.
 */
export async function redeemLoginCode(auth: Auth, db: Database, code: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(code)) return null;
  const [row] = await db
    .delete(verifications)
    .where(
      and(eq(verifications.identifier, codeKey(code)), gt(verifications.expiresAt, sql`now()`)),
    )
    .returning({ sessionId: verifications.value });
  if (!row) return null;
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, row.sessionId), gt(sessions.expiresAt, sql`now()`)));
  if (!session) return null;
  return sessionCookie(auth, session.token, session.expiresAt);
}

/** The machine a machine user speaks for. */
export async function machineIdOfUser(db: Database, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: machines.id })
    .from(machines)
    .where(eq(machines.userId, userId));
  return row?.id ?? null;
}
