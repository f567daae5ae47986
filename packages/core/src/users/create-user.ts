import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { type Actor, requireRole } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { accounts, companies, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { type PublicUser, toPublicUser } from './public-user.ts';
import { type CreateUserInput, createUserInput } from './schemas.ts';

/** Creates a person who signs in with email and password. Admins only. */
export async function createUser(db: Database, actor: Actor, input: unknown): Promise<PublicUser> {
  requireRole(actor, ['admin']);
  const data = parseInput(createUserInput, input);
  return insertUserWithPassword(db, data);
}

/**
 * Inserts the user and its credential account in one transaction, so a failure leaves
 * neither. Also used to create the first admin, before any actor exists.
 */
export async function insertUserWithPassword(
  db: Database,
  data: CreateUserInput,
): Promise<PublicUser> {
  // Hashing is deliberately slow (scrypt): do it before the transaction opens.
  const passwordHash = await hashPassword(data.password);
  const id = randomUUID();

  try {
    return await db.transaction(async (tx) => {
      if (data.companyId) {
        const [company] = await tx
          .select({ id: companies.id })
          .from(companies)
          .where(eq(companies.id, data.companyId));
        if (!company) throw new AppError('not_found', 'Company not found');
      }

      const [user] = await tx
        .insert(users)
        .values({
          id,
          name: data.name,
          email: data.email,
          role: data.role,
          companyId: data.companyId ?? null,
          isCompanyManager: data.isCompanyManager,
          emailVerified: true,
        })
        .returning();
      if (!user) throw new Error('insert returned no row');

      await tx.insert(accounts).values({
        id: randomUUID(),
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: passwordHash,
      });
      return toPublicUser(user);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'A user with this email already exists');
    }
    throw error;
  }
}
