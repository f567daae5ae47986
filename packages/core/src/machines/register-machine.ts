import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import {
  companies,
  enrollmentSecrets,
  machineInventories,
  machines,
  machineTokens,
  users,
} from '../db/schema/index.ts';
import { publishEvent } from '../events/publish.ts';
import { fieldError, parseInput } from '../validation.ts';
import { enrollmentSecretPrefix } from './enrollment-secrets.ts';
import { computeFingerprint } from './fingerprint.ts';
import { inventoryHash } from './inventory-hash.ts';
import { MachineAuthError } from './machine-auth-error.ts';
import { registerMachineInput } from './schemas.ts';
import { generateSecret, hashSecret, secretMatches } from './secrets.ts';

export const heartbeatIntervalSeconds = 60;
export const machineTokenPrefix = 'cmt_';

export interface RegisterOptions {
  /** The global secret; null keeps enrollment to per-company secrets. */
  provisioningSecret: string | null;
  tokenTtlMs: number;
  now?: Date;
}

export interface Registration {
  machineId: string;
  machineToken: string;
  expiresAt: string;
  heartbeatIntervalSeconds: number;
  /** For the server log only. */
  created: boolean;
  companyId: string;
  fingerprintRule: string;
}

/** Which company a presented secret enrols into; any mismatch is the same refusal. */
async function companyForSecret(
  db: Database,
  secret: string,
  companySlug: string | undefined,
  provisioningSecret: string | null,
): Promise<{ companyId: string; enrollmentSecretId: string | null }> {
  if (secret.startsWith(enrollmentSecretPrefix)) {
    const [row] = await db
      .select()
      .from(enrollmentSecrets)
      .where(eq(enrollmentSecrets.secretHash, hashSecret(secret)));
    if (!row || !secretMatches(secret, row.secretHash)) {
      throw new MachineAuthError('unknown enrollment secret');
    }
    if (row.revokedAt) throw new MachineAuthError('revoked enrollment secret');
    return { companyId: row.companyId, enrollmentSecretId: row.id };
  }

  if (!provisioningSecret || !secretMatches(secret, hashSecret(provisioningSecret))) {
    throw new MachineAuthError('unknown provisioning secret');
  }
  if (!companySlug) throw fieldError('companySlug', 'required with the provisioning secret');
  const [company] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.slug, companySlug));
  if (!company) throw new MachineAuthError(`no company with slug ${companySlug}`);
  return { companyId: company.id, enrollmentSecretId: null };
}

/**
 * Enrols a machine, or re-enrols one already known: the same fingerprint in the same company
 * is the same machine, never a duplicate. Its earlier tokens are revoked and a new one issued;
 * only the token's hash is stored.
 */
export async function registerMachine(
  db: Database,
  input: unknown,
  options: RegisterOptions,
): Promise<Registration> {
  const data = parseInput(registerMachineInput, input);
  const now = options.now ?? new Date();
  const fingerprint = computeFingerprint(data.hardware);
  if (!fingerprint) {
    throw fieldError(
      'hardware',
      'no stable identifier: system UUID, serial, machine-id and MACs are all empty or placeholders',
    );
  }
  const { companyId, enrollmentSecretId } = await companyForSecret(
    db,
    data.enrollmentSecret,
    data.companySlug,
    options.provisioningSecret,
  );

  const token = generateSecret(machineTokenPrefix);
  const expiresAt = new Date(now.getTime() + options.tokenTtlMs);
  const identity = {
    hostname: data.hostname,
    osName: data.os.name,
    osVersion: data.os.version,
    osBuild: data.os.build ?? null,
    osArch: data.os.arch,
    agentVersion: data.agentVersion,
    fingerprintRule: fingerprint.rule,
    identifiers: data.hardware,
    lastEnrolledAt: now,
  };

  return db.transaction(async (tx) => {
    const [known] = await tx
      .select()
      .from(machines)
      .where(and(eq(machines.companyId, companyId), eq(machines.fingerprint, fingerprint.value)))
      .for('update');

    let machineId: string;
    if (known) {
      machineId = known.id;
      await tx.update(machines).set(identity).where(eq(machines.id, machineId));
      await tx
        .update(users)
        .set({ name: data.hostname, updatedAt: now })
        .where(eq(users.id, known.userId));
      await tx
        .update(machineTokens)
        .set({ revokedAt: now, revokedReason: 're-enrolled' })
        .where(and(eq(machineTokens.machineId, machineId), isNull(machineTokens.revokedAt)));
    } else {
      machineId = randomUUID();
      const userId = randomUUID();
      await tx.insert(users).values({
        id: userId,
        name: data.hostname,
        // Never receives mail and has no password: it only signs in through machine sessions.
        email: `machine-${machineId}@machines.chamados.invalid`,
        role: 'machine',
        companyId,
      });
      await tx.insert(machines).values({
        id: machineId,
        companyId,
        userId,
        fingerprint: fingerprint.value,
        enrolledAt: now,
        ...identity,
      });
    }

    await tx.insert(machineTokens).values({ machineId, tokenHash: hashSecret(token), expiresAt });
    if (enrollmentSecretId) {
      await tx
        .update(enrollmentSecrets)
        .set({ lastUsedAt: now, useCount: sql`${enrollmentSecrets.useCount} + 1` })
        .where(eq(enrollmentSecrets.id, enrollmentSecretId));
    }
    if (data.inventory) {
      const hash = inventoryHash(data.inventory);
      await tx.insert(machineInventories).values({ machineId, hash, data: data.inventory });
    }
    await publishEvent(tx, {
      type: known ? 'machine.reenrolled' : 'machine.enrolled',
      companyId,
      queueId: null,
      requesterId: null,
      staffOnly: true,
      data: { machineId, hostname: data.hostname },
    });

    return {
      machineId,
      machineToken: token,
      expiresAt: expiresAt.toISOString(),
      heartbeatIntervalSeconds,
      created: !known,
      companyId,
      fingerprintRule: fingerprint.rule,
    };
  });
}
