import { describe, expect, it } from 'vitest';
import { registrationOf } from '../../src/enrolment.ts';
import type { Inventory, NetworkInterface } from '../../src/inventory/types.ts';
import { agentVersion } from '../../src/version.ts';

function networkInterface(
  name: string,
  mac: string | null,
  extra: Partial<NetworkInterface> = {},
): NetworkInterface {
  return { name, mac, ipv4: [], ipv6: [], defaultRoute: false, virtual: false, ...extra };
}

/** A laptop as the agent collects it: two physical adapters, a VPN and a Docker bridge. */
const laptop: Inventory = {
  hostname: 'recepcao-01',
  identity: { rule: 'system-uuid', note: null, virtual: false },
  hardware: {
    vendor: 'LENOVO',
    model: '20XW0055BR',
    serial: 'PF3ABCDE',
    systemUuid: '4c4c4544-0042-3510-8052-b4c04f4a4e32',
    bios: { vendor: 'LENOVO', version: 'N32ET86W (1.62 )', releaseDate: '2023-08-01' },
    cpu: { brand: 'Intel Core i5-1145G7', cores: 8, physicalCores: 4 },
    memoryBytes: 16_000_000_000,
    disks: [
      { name: 'nvme0n1', model: 'SAMSUNG MZVL2512', serial: 'S6', type: 'NVMe', sizeBytes: 512e9 },
    ],
  },
  os: {
    platform: 'linux',
    name: 'Ubuntu',
    version: '24.04',
    build: 'noble',
    kernel: '6.8.0-45-generic',
    arch: 'x64',
    machineId: '3d1219c7c4c5404aaa1f6d2a48adfda4',
  },
  network: [
    networkInterface('docker0', '02:42:ac:11:00:02', { virtual: true }),
    networkInterface('enp0s31f6', '8c:16:45:aa:bb:01', { ipv4: ['10.0.0.5'], defaultRoute: true }),
    networkInterface('tun0', null, { virtual: true, ipv4: ['10.8.0.2'] }),
    networkInterface('wlp0s20f3', '8c:16:45:aa:bb:02'),
    // The same adapter listed twice (an alias), as some drivers do.
    networkInterface('wlp0s20f3:1', '8c:16:45:aa:bb:02'),
    networkInterface('ppp0', null),
  ],
  volumes: [{ mount: '/', fsType: 'ext4', sizeBytes: 500e9 }],
  software: [{ name: 'bash', version: '5.2.21-2ubuntu4', publisher: 'Ubuntu Developers' }],
  loggedInUsers: ['ana'],
  sources: { hardware: 'systeminformation', os: 'os-release', software: 'dpkg' },
};

describe('registrationOf', () => {
  it('identifies the machine by its hardware, OS and physical MAC addresses', () => {
    expect(registrationOf(laptop)).toEqual({
      hostname: 'recepcao-01',
      os: { name: 'Ubuntu', version: '24.04', build: 'noble', arch: 'x64' },
      hardware: {
        systemUuid: '4c4c4544-0042-3510-8052-b4c04f4a4e32',
        serial: 'PF3ABCDE',
        machineId: '3d1219c7c4c5404aaa1f6d2a48adfda4',
        macs: ['8c:16:45:aa:bb:01', '8c:16:45:aa:bb:02'],
      },
      agentVersion,
      inventory: laptop,
    });
  });

  it('carries the whole inventory along, as a copy', () => {
    const { inventory } = registrationOf(laptop);

    expect(inventory).toEqual(laptop);
    expect(inventory).not.toBe(laptop);
  });

  it('leaves out identifiers the machine does not have', () => {
    const container: Inventory = {
      ...laptop,
      hardware: { ...laptop.hardware, serial: null, systemUuid: null },
      os: { ...laptop.os, machineId: null, build: null },
    };

    const registration = registrationOf(container);

    expect(registration.hardware).toEqual({
      macs: ['8c:16:45:aa:bb:01', '8c:16:45:aa:bb:02'],
    });
    expect(registration.os).toEqual({ name: 'Ubuntu', version: '24.04', arch: 'x64' });
  });

  it("reports an unknown OS version as 'unknown'", () => {
    const rolling: Inventory = { ...laptop, os: { ...laptop.os, version: null } };

    expect(registrationOf(rolling).os.version).toBe('unknown');
  });

  it('sends no MAC addresses when every adapter is virtual or has none', () => {
    const vm: Inventory = {
      ...laptop,
      network: [
        networkInterface('veth1', '02:42:ac:11:00:03', { virtual: true }),
        networkInterface('lo0', null),
      ],
    };

    expect(registrationOf(vm).hardware.macs).toEqual([]);
  });
});
