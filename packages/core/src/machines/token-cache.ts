import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { machineInventories, machines, machineTokens } from '../db/schema/index.ts';
import { MachineAuthError } from './machine-auth-error.ts';
import { hashSecret } from './secrets.ts';

/** What a heartbeat needs to know about its token and machine, held in memory. */
export interface TokenEntry {
  tokenId: string;
  tokenHash: string;
  machineId: string;
  companyId: string;
  expiresAt: number;
  inventoryHash: string | null;
  inventoryAt: number | null;
}

/** How long an unknown token is remembered as unknown, so a flood of bad ones stays cheap. */
const negativeTtlMs = 5_000;
const maxEntries = 500_000;

/**
 * Machine tokens by hash, so the hottest request checks its token without the database. The
 * database stays the truth: a miss reads it; revocations and re-enrolments reach every
 * process as events and evict the machine's entries (`forgetMachine`).
 */
export function createTokenCache(db: Database) {
  const entries = new Map<string, TokenEntry>();
  const unknown = new Map<string, number>();

  async function load(tokenHash: string, now: number): Promise<TokenEntry | null> {
    const [row] = await db
      .select({ token: machineTokens, companyId: machines.companyId })
      .from(machineTokens)
      .innerJoin(machines, eq(machines.id, machineTokens.machineId))
      .where(and(eq(machineTokens.tokenHash, tokenHash)));
    if (!row || row.token.revokedAt || row.token.expiresAt.getTime() <= now) return null;

    const [inventory] = await db
      .select({ hash: machineInventories.hash, receivedAt: machineInventories.receivedAt })
      .from(machineInventories)
      .where(eq(machineInventories.machineId, row.token.machineId))
      .orderBy(desc(machineInventories.receivedAt))
      .limit(1);
    return {
      tokenId: row.token.id,
      tokenHash,
      machineId: row.token.machineId,
      companyId: row.companyId,
      expiresAt: row.token.expiresAt.getTime(),
      inventoryHash: inventory?.hash ?? null,
      inventoryAt: inventory?.receivedAt.getTime() ?? null,
    };
  }

  /**
   * The entry in memory for this hash, or undefined when the database must be asked. Looking it
   * up by the token's SHA-256 compares hashes, never the token itself, so how long the lookup
   * takes says nothing about the token.
   */
  function lookup(tokenHash: string, now: number): TokenEntry | undefined {
    const entry = entries.get(tokenHash);
    if (!entry) {
      const refusedAt = unknown.get(tokenHash);
      if (refusedAt !== undefined && now - refusedAt < negativeTtlMs) {
        throw new MachineAuthError('unknown, expired or revoked token');
      }
      return undefined;
    }
    if (entry.expiresAt <= now) {
      entries.delete(tokenHash);
      throw new MachineAuthError('expired token');
    }
    return entry;
  }

  return {
    /**
     * The token's entry when it is in memory, without waiting for anything: the heartbeat's
     * usual case. Undefined when it must be looked up (`authenticate`); a `MachineAuthError`
     * when the token is known to be refused or expired.
     */
    cached(token: string, now = Date.now()): TokenEntry | undefined {
      return lookup(hashSecret(token), now);
    },
    /** The token's entry, or a `MachineAuthError` naming why (for the log only). */
    async authenticate(token: string, now = Date.now()): Promise<TokenEntry> {
      const tokenHash = hashSecret(token);
      const cachedEntry = lookup(tokenHash, now);
      if (cachedEntry) return cachedEntry;

      // `load` refuses unknown, revoked and expired tokens alike.
      const loaded = await load(tokenHash, now);
      if (!loaded) {
        if (unknown.size > maxEntries) unknown.clear();
        unknown.set(tokenHash, now);
        throw new MachineAuthError('unknown, expired or revoked token');
      }
      if (entries.size > maxEntries) entries.clear();
      entries.set(tokenHash, loaded);
      return loaded;
    },
    forgetMachine(machineId: string): void {
      for (const [hash, entry] of entries) if (entry.machineId === machineId) entries.delete(hash);
    },
    /** Clears the negative cache too: used when tokens are issued, so a new one works at once. */
    forgetUnknown(): void {
      unknown.clear();
    },
  };
}

export type TokenCache = ReturnType<typeof createTokenCache>;
