import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits from the system's CSPRNG, as URL-safe text. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What is stored in place of a secret or token: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  // The one-shot `hash` skips building a Hash object: this runs for every heartbeat.
  return hash('sha256', secret, 'hex');
}

/** Compares two hex hashes without leaking where they differ. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Compares a presented secret with a stored hash without leaking where they differ. */
export function secretMatches(presented: string, storedHash: string): boolean {
  return sameHash(hashSecret(presented), storedHash);
}
