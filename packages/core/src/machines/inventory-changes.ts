import type { inventoryChangeKinds } from '../db/schema/index.ts';
import { canonicalJson } from './inventory-hash.ts';

export interface InventoryChange {
  kind: (typeof inventoryChangeKinds)[number];
  name: string;
  from: string | null;
  to: string | null;
}

type Inventory = Record<string, unknown>;

/** `software: [{ name, version }]` as a name → versions map. */
function softwareOf(inventory: Inventory): Map<string, string> {
  const list = Array.isArray(inventory.software) ? inventory.software : [];
  const byName = new Map<string, string>();
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { name, version } = item as { name?: unknown; version?: unknown };
    if (typeof name !== 'string' || !name) continue;
    const text = typeof version === 'string' ? version : '';
    byName.set(name, byName.has(name) ? `${byName.get(name)}, ${text}` : text);
  }
  return byName;
}

function sectionChanges(
  kind: 'hardware' | 'os',
  before: unknown,
  after: unknown,
): InventoryChange[] {
  const was = (before && typeof before === 'object' ? before : {}) as Inventory;
  const now = (after && typeof after === 'object' ? after : {}) as Inventory;
  const changes: InventoryChange[] = [];
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const from = key in was ? canonicalJson(was[key]) : null;
    const to = key in now ? canonicalJson(now[key]) : null;
    if (from !== to) changes.push({ kind, name: key, from, to });
  }
  return changes;
}

/**
 * What changed from one inventory to the next: software added, removed or updated (by name),
 * and each changed field of the `hardware` and `os` sections.
 */
export function diffInventories(before: Inventory, after: Inventory): InventoryChange[] {
  const changes: InventoryChange[] = [];
  const was = softwareOf(before);
  const now = softwareOf(after);
  for (const [name, version] of now) {
    const previous = was.get(name);
    if (previous === undefined) {
      changes.push({ kind: 'software-added', name, from: null, to: version });
    } else if (previous !== version) {
      changes.push({ kind: 'software-updated', name, from: previous, to: version });
    }
  }
  for (const [name, version] of was) {
    if (!now.has(name)) changes.push({ kind: 'software-removed', name, from: version, to: null });
  }
  changes.push(...sectionChanges('hardware', before.hardware, after.hardware));
  changes.push(...sectionChanges('os', before.os, after.os));
  return changes;
}
