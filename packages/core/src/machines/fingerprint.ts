import { createHash } from 'node:crypto';
import type { FingerprintRule } from '../db/schema/index.ts';

/** Hardware identifiers as a machine reports them. */
export interface HardwareIds {
  systemUuid?: string;
  serial?: string;
  machineId?: string;
  macs: string[];
}

/**
 * Values firmware and hypervisors put where a real identifier belongs. Two machines that both
 * report one of these are not the same machine, so these never identify anything.
 */
const placeholders = new Set(
  [
    '',
    '0',
    '-1',
    'none',
    'null',
    'n/a',
    'na',
    'default string',
    'to be filled by o.e.m.',
    'to be filled by oem',
    'o.e.m.',
    'oem',
    'system serial number',
    'chassis serial number',
    'not specified',
    'not applicable',
    'not available',
    'unknown',
    'invalid',
    '0123456789',
    '123456789',
    '1234567890',
    'xxxxxxxxxxxx',
    // A UUID many boards from one vendor share (reported by GLPI and systeminformation users).
    '03000200-0400-0500-0006-000700080009',
  ].map((value) => value.toLowerCase()),
);

export function isPlaceholder(value: string | undefined): boolean {
  if (value === undefined) return true;
  const normalized = value.trim().toLowerCase();
  if (placeholders.has(normalized)) return true;
  // All-zero or all-F UUIDs and serials, with or without dashes.
  return /^[0-]+$/.test(normalized) || /^[f-]+$/.test(normalized);
}

function normalizeMac(mac: string): string | null {
  const hex = mac.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length !== 12 || /^0+$/.test(hex) || /^f+$/.test(hex)) return null;
  // Locally administered addresses (second bit of the first byte) are made up by software —
  // containers, VPNs, randomised Wi-Fi — and change; they identify nothing.
  if ((Number.parseInt(hex.slice(0, 2), 16) & 0b10) !== 0) return null;
  return hex.match(/../g)?.join(':') ?? null;
}

export interface Fingerprint {
  value: string;
  rule: FingerprintRule;
}

const digest = (kind: string, value: string) =>
  createHash('sha256').update(`${kind}:${value}`).digest('hex');

/**
 * The machine's identity from its most stable identifier, in this order: the system UUID, the
 * serial number, the OS machine-id, the lowest globally administered MAC. Placeholders are
 * skipped, so two machines with "To be filled by O.E.M." never become one. Null when nothing
 * stable is left.
 */
export function computeFingerprint(ids: HardwareIds): Fingerprint | null {
  if (!isPlaceholder(ids.systemUuid)) {
    const uuid = String(ids.systemUuid).trim().toLowerCase();
    return { rule: 'system-uuid', value: digest('uuid', uuid) };
  }
  if (!isPlaceholder(ids.serial)) {
    return { rule: 'serial', value: digest('serial', String(ids.serial).trim().toUpperCase()) };
  }
  if (!isPlaceholder(ids.machineId)) {
    const machineId = String(ids.machineId).trim().toLowerCase();
    return { rule: 'machine-id', value: digest('machine-id', machineId) };
  }
  const macs = ids.macs
    .map(normalizeMac)
    .filter((mac): mac is string => mac !== null)
    .sort();
  if (macs[0]) return { rule: 'mac', value: digest('mac', macs[0]) };
  return null;
}
