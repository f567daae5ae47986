import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits from the system's CSPRNG, as URL-safe text. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What is stored in place of a secret or token: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hash without leaking where they differ. */
export function secretMatches(presented: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(presented), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
