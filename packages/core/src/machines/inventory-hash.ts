import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const members = entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The inventory hash agents send with every heartbeat: SHA-256 (hex) of the canonical JSON, so
 * the server and any agent agree on it whatever order they wrote the keys in.
 */
export function inventoryHash(inventory: unknown): string {
  return createHash('sha256').update(canonicalJson(inventory)).digest('hex');
}
