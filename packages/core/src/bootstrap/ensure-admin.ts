import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { isAppError } from '../errors.ts';
import { insertUserWithPassword } from '../users/create-user.ts';

export type AdminBootstrap =
  | { created: false }
  | { created: true; email: string; generatedPassword?: string };

/** 24 random bytes in base64url: 32 characters, about 192 bits. */
function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Creates the first admin when the installation has none. The password comes from
 * ADMIN_PASSWORD, or is generated; a generated one is returned so start-up can show it once —
 * it is never logged and never stored in plain text.
 */
export async function ensureFirstAdmin(
  db: Database,
  admin: { email: string; password?: string },
): Promise<AdminBootstrap> {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, 'admin'))
    .limit(1);
  if (existing) return { created: false };

  const password = admin.password ?? generatePassword();
  try {
    await insertUserWithPassword(db, {
      name: 'Administrador',
      email: admin.email,
      password,
      role: 'admin',
      isCompanyManager: false,
    });
  } catch (error) {
    // Several processes starting together on one PostgreSQL: another one created it first.
    if (isAppError(error) && error.code === 'conflict') return { created: false };
    throw error;
  }
  return {
    created: true,
    email: admin.email,
    generatedPassword: admin.password ? undefined : password,
  };
}
