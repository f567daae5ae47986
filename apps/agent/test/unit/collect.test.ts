import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { inventoryHash } from '@chamados/core/machines/inventory-hash';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectInventory, identifier, identityOf } from '../../src/inventory/collect.ts';
import type { Hardware, Inventory } from '../../src/inventory/types.ts';

describe('identifier', () => {
  it.each([
    { value: null, expected: null },
    { value: undefined, expected: null },
    { value: '', expected: null },
    { value: '   ', expected: null },
    { value: '0', expected: null },
    { value: 'To Be Filled By O.E.M.', expected: null },
    { value: 'Default string', expected: null },
    { value: 'System Serial Number', expected: null },
    { value: 'Not Specified', expected: null },
    { value: '00000000-0000-0000-0000-000000000000', expected: null },
    { value: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', expected: null },
    { value: '03000200-0400-0500-0006-000700080009', expected: null },
    { value: 'PF3ABCDE', expected: 'PF3ABCDE' },
    { value: '  PF3ABCDE\n', expected: 'PF3ABCDE' },
    {
      value: '4C4C4544-0042-3510-8052-B4C04F4A4E32',
      expected: '4C4C4544-0042-3510-8052-B4C04F4A4E32',
    },
  ])('reads $value as $expected', ({ value, expected }) => {
    expect(identifier(value)).toBe(expected);
  });
});

describe('identityOf', () => {
  const bare: Hardware = {
    vendor: null,
    model: null,
    serial: null,
    systemUuid: null,
    bios: { vendor: null, version: null, releaseDate: null },
    cpu: { brand: null, cores: null, physicalCores: null },
    memoryBytes: null,
    disks: [],
  };
  const uuid = '4c4c4544-0042-3510-8052-b4c04f4a4e32';
  const machineId = '3d1219c7c4c5404aaa1f6d2a48adfda4';
  const missing = 'The hardware reported no usable system UUID or serial number';
  const inVm = `${missing} (a virtual machine or container)`;

  it.each([
    {
      what: 'a system UUID before anything else',
      hardware: { ...bare, systemUuid: uuid, serial: 'PF3ABCDE' },
      machineId,
      virtual: false,
      identity: { rule: 'system-uuid', note: null, virtual: false },
    },
    {
      what: 'a system UUID in a virtual machine, without a note',
      hardware: { ...bare, systemUuid: uuid },
      machineId: null,
      virtual: true,
      identity: { rule: 'system-uuid', note: null, virtual: true },
    },
    {
      what: 'the serial number without a system UUID',
      hardware: { ...bare, serial: 'PF3ABCDE' },
      machineId,
      virtual: false,
      identity: { rule: 'serial', note: null, virtual: false },
    },
    {
      what: 'the machine id on bare hardware without identifiers',
      hardware: bare,
      machineId,
      virtual: false,
      identity: {
        rule: 'machine-id',
        note: `${missing}; identified by the operating system's machine id.`,
        virtual: false,
      },
    },
    {
      what: 'the machine id in a container',
      hardware: bare,
      machineId,
      virtual: true,
      identity: {
        rule: 'machine-id',
        note: `${inVm}; identified by the operating system's machine id.`,
        virtual: true,
      },
    },
    {
      what: 'the MAC addresses when nothing else is left',
      hardware: bare,
      machineId: null,
      virtual: false,
      identity: {
        rule: 'mac',
        note: `${missing} and no machine id; identified by network addresses.`,
        virtual: false,
      },
    },
    {
      what: 'the MAC addresses in a container without a machine id',
      hardware: bare,
      machineId: null,
      virtual: true,
      identity: {
        rule: 'mac',
        note: `${inVm} and no machine id; identified by network addresses.`,
        virtual: true,
      },
    },
  ])('relies on $what', ({ hardware, machineId: id, virtual, identity }) => {
    expect(identityOf(hardware, id, virtual)).toEqual(identity);
  });
});

/** A command's stdout, or null when the tool is not installed or fails. */
function output(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/** Every string anywhere inside `value`, with the path that leads to it. */
function stringsIn(value: unknown, where = 'hardware'): { where: string; text: string }[] {
  if (typeof value === 'string') return [{ where, text: value }];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${where}.${key}`));
}

/**
 * On Linux the whole collection runs for real, against this machine, and is checked against
 * what the OS's own files and tools say.
 */
describe.runIf(process.platform === 'linux')('collectInventory on this Linux machine', () => {
  let inventory: Inventory;

  beforeAll(async () => {
    inventory = await collectInventory();
  });

  it("reports this machine's hostname and architecture", () => {
    expect(inventory.hostname).toBe(os.hostname());
    expect(inventory.os.platform).toBe('linux');
    expect(inventory.os.arch).toBe(os.arch());
  });

  it('names the OS as /etc/os-release does', () => {
    const release = readFileSync('/etc/os-release', 'utf8');
    const name = /^NAME=(?:"([^"]*)"|(.*))$/m.exec(release);

    expect(inventory.os.name).toBe(name?.[1] ?? name?.[2]);
    expect(inventory.sources.os).toBe('os-release');
  });

  it('lists the non-internal network interfaces, sorted by name', () => {
    const external = Object.entries(os.networkInterfaces())
      .filter(([, addresses]) => addresses?.some((address) => !address.internal))
      .map(([name]) => name)
      .sort((a, b) => a.localeCompare(b));

    expect(inventory.network.map((item) => item.name)).toEqual(external);
  });

  const defaultRoute = output('ip', ['route', 'show', 'default']);

  it.runIf(defaultRoute?.includes('default'))(
    'marks exactly one interface, one `ip route` names, as the default route',
    () => {
      const devices = [...(defaultRoute ?? '').matchAll(/\bdev\s+(\S+)/g)].map((m) => m[1]);
      const marked = inventory.network.filter((item) => item.defaultRoute);

      expect(marked).toHaveLength(1);
      expect(devices).toContain(marked[0]?.name);
    },
  );

  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's ${field} syntax, not ours.
  const bashVersion = output('dpkg-query', ['-W', '-f=${Version}', 'bash']);

  it.runIf(bashVersion)('lists the software dpkg knows, bash with its version among it', () => {
    expect(inventory.sources.software).toBe('dpkg');
    expect(inventory.software).toContainEqual(
      expect.objectContaining({ name: 'bash', version: bashVersion }),
    );
  });

  it('lists the root volume', () => {
    expect(inventory.volumes.map((volume) => volume.mount)).toContain('/');
    for (const volume of inventory.volumes) expect(volume.sizeBytes).toBeGreaterThan(0);
  });

  it('reports missing hardware facts as null, never as empty strings', () => {
    const empty = stringsIn(inventory.hardware).filter(({ text }) => text.trim() === '');

    expect(empty).toEqual([]);
  });

  it('relies on the best identifier it found', () => {
    const { hardware, os: system, identity } = inventory;
    const expected = hardware.systemUuid
      ? 'system-uuid'
      : hardware.serial
        ? 'serial'
        : system.machineId
          ? 'machine-id'
          : 'mac';

    expect(identity.rule).toBe(expected);
    expect(identity.note === null).toBe(expected === 'system-uuid' || expected === 'serial');
  });

  it('hashes the same on an unchanged machine', async () => {
    const again = await collectInventory();

    expect(inventoryHash(again)).toBe(inventoryHash(inventory));
  });
});
