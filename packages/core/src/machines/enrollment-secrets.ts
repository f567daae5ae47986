import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, requireRole } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { companies, enrollmentSecrets } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { fieldError, parseInput } from '../validation.ts';
import { generateSecret, hashSecret } from './secrets.ts';

export const enrollmentSecretPrefix = 'chm_';

export const createEnrollmentSecretInput = z.strictObject({
  companyId: z.uuid(),
  label: z.string().trim().min(1).max(80).describe('Where or for what it is used'),
});

/** What admins see of a secret: never the secret, nor its hash. */
export interface EnrollmentSecretView {
  id: string;
  companyId: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  useCount: number;
  revokedAt: Date | null;
}

const viewColumns = {
  id: enrollmentSecrets.id,
  companyId: enrollmentSecrets.companyId,
  label: enrollmentSecrets.label,
  createdAt: enrollmentSecrets.createdAt,
  lastUsedAt: enrollmentSecrets.lastUsedAt,
  useCount: enrollmentSecrets.useCount,
  revokedAt: enrollmentSecrets.revokedAt,
};

/**
 * Creates a company's enrollment secret. The secret is returned this once; only its hash is
 * kept. Several may be active at once, so a new one can be rolled out before the old is revoked.
 */
export async function createEnrollmentSecret(db: Database, actor: Actor, input: unknown) {
  requireRole(actor, ['admin']);
  const data = parseInput(createEnrollmentSecretInput, input);
  const [company] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.id, data.companyId));
  if (!company) throw fieldError('companyId', 'no company with this id');

  const secret = generateSecret(enrollmentSecretPrefix);
  const [row] = await db
    .insert(enrollmentSecrets)
    .values({ ...data, secretHash: hashSecret(secret), createdBy: actor.userId })
    .returning(viewColumns);
  if (!row) throw new Error('insert returned no row');
  return { enrollmentSecret: row, secret };
}

export async function listEnrollmentSecrets(
  db: Database,
  actor: Actor,
  companyId?: string,
): Promise<EnrollmentSecretView[]> {
  requireRole(actor, ['admin']);
  return db
    .select(viewColumns)
    .from(enrollmentSecrets)
    .where(companyId ? eq(enrollmentSecrets.companyId, companyId) : undefined)
    .orderBy(desc(enrollmentSecrets.createdAt));
}

/** Revokes a secret at once: machines already enrolled keep their own tokens. */
export async function revokeEnrollmentSecret(db: Database, actor: Actor, id: string) {
  requireRole(actor, ['admin']);
  const notFound = new AppError('not_found', 'Enrollment secret not found');
  if (!z.uuid().safeParse(id).success) throw notFound;
  const [row] = await db
    .update(enrollmentSecrets)
    .set({ revokedAt: new Date() })
    .where(and(eq(enrollmentSecrets.id, id), isNull(enrollmentSecrets.revokedAt)))
    .returning(viewColumns);
  if (row) return row;

  const [existing] = await db
    .select(viewColumns)
    .from(enrollmentSecrets)
    .where(eq(enrollmentSecrets.id, id));
  if (!existing) throw notFound;
  return existing;
}
