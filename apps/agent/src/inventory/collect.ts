import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { isPlaceholder } from '@chamados/core/machines/fingerprint';
import si from 'systeminformation';
import { decodeCommandOutput } from './parsers/decode.ts';
import { defaultRouteDevice, parseDefaultRoutes } from './parsers/default-route.ts';
import { parseIoregPlatform } from './parsers/macos-ioreg.ts';
import { parseSwVers } from './parsers/macos-sw-vers.ts';
import { parseOsRelease } from './parsers/os-release.ts';
import { parseWmiList } from './parsers/windows-list.ts';
import { runTool } from './run-tool.ts';
import { collectSoftware } from './software.ts';
import type {
  Disk,
  Hardware,
  Identity,
  Inventory,
  NetworkInterface,
  OsInfo,
  Volume,
} from './types.ts';

/** A real identifier, or null for the empty strings and placeholders firmware reports. */
export function identifier(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return isPlaceholder(trimmed) ? null : trimmed;
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

async function toolText(command: string, args: readonly string[]): Promise<string | null> {
  const output = await runTool(command, args);
  return output ? decodeCommandOutput(output) : null;
}

/**
 * Identifiers from the OS's own tools, for when systeminformation returns empty strings (WMI
 * failing on Windows is a known case): `ioreg` on macOS, CIM through PowerShell on Windows.
 */
async function nativeHardwareIds(): Promise<{ uuid: string | null; serial: string | null }> {
  if (process.platform === 'darwin') {
    const output = await toolText('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice']);
    const platform = output ? parseIoregPlatform(output) : null;
    return { uuid: platform?.uuid ?? null, serial: platform?.serial ?? null };
  }
  if (process.platform === 'win32') {
    const output = await toolText('powershell.exe', [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      'Get-CimInstance Win32_ComputerSystemProduct | Format-List IdentifyingNumber,UUID',
    ]);
    const [record] = output ? parseWmiList(output) : [];
    return { uuid: record?.UUID ?? null, serial: record?.IdentifyingNumber ?? null };
  }
  return { uuid: null, serial: null };
}

async function collectOs(machineId: string | null): Promise<{ os: OsInfo; source: string }> {
  const info = await si.osInfo();
  const base: OsInfo = {
    platform: process.platform,
    name: text(info.distro) ?? os.type(),
    version: text(info.release),
    build: text(info.build),
    kernel: text(info.kernel) ?? os.release(),
    arch: os.arch(),
    machineId,
  };
  if (process.platform === 'linux') {
    const release =
      (await readText('/etc/os-release')) ?? (await readText('/usr/lib/os-release')) ?? '';
    const fields = parseOsRelease(release);
    const name = fields.NAME ?? fields.ID;
    if (!name) return { os: base, source: 'systeminformation' };
    return {
      os: {
        ...base,
        name,
        version: fields.VERSION_ID ?? fields.VERSION ?? base.version,
        build: fields.BUILD_ID ?? fields.VERSION_CODENAME ?? null,
      },
      source: 'os-release',
    };
  }
  if (process.platform === 'darwin') {
    const output = await toolText('sw_vers', []);
    const versions = output ? parseSwVers(output) : null;
    if (!versions?.name) return { os: base, source: 'systeminformation' };
    return {
      os: {
        ...base,
        name: versions.name,
        version: versions.extra ? `${versions.version} ${versions.extra}` : versions.version,
        build: versions.build,
      },
      source: 'sw_vers',
    };
  }
  return { os: base, source: 'systeminformation' };
}

async function defaultInterface(): Promise<string | null> {
  if (process.platform === 'linux') {
    const output = await toolText('ip', ['route', 'show', 'default']);
    if (output) return defaultRouteDevice(parseDefaultRoutes(output));
  }
  return text(await si.networkInterfaceDefault());
}

/**
 * Every interface with its addresses (Node lists them all; systeminformation keeps one of
 * each family), whether systeminformation thinks it virtual, and which one the default route
 * leaves through. Loopback is left out.
 */
async function collectNetwork(): Promise<NetworkInterface[]> {
  const [details, defaultName] = await Promise.all([si.networkInterfaces(), defaultInterface()]);
  const virtualByName = new Map(
    (Array.isArray(details) ? details : [details]).map((item) => [item.iface, item.virtual]),
  );
  const interfaces: NetworkInterface[] = [];
  for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
    if (!addresses || addresses.every((address) => address.internal)) continue;
    const mac = addresses.find((address) => address.mac)?.mac ?? null;
    interfaces.push({
      name,
      mac: mac && !/^(00:){5}00$/.test(mac) ? mac : null,
      ipv4: addresses.filter((a) => a.family === 'IPv4').map((a) => a.address),
      ipv6: addresses.filter((a) => a.family === 'IPv6').map((a) => a.address),
      defaultRoute: name === defaultName,
      virtual: virtualByName.get(name) ?? false,
    });
  }
  return interfaces.sort((a, b) => a.name.localeCompare(b.name));
}

/** Kernel and memory file systems, and read-only images, are not volumes anyone fills. */
const pseudoFileSystems = new Set([
  'tmpfs',
  'devtmpfs',
  'squashfs',
  'overlay',
  'proc',
  'sysfs',
  'cgroup',
  'cgroup2',
  'devfs',
  'autofs',
  'nsfs',
]);

async function collectVolumes(): Promise<Volume[]> {
  const sizes = await si.fsSize();
  const volumes = new Map<string, Volume>();
  for (const item of sizes) {
    if (!item.mount || !(item.size > 0)) continue;
    // A container's root is an overlay, and it is the volume that matters there.
    if (pseudoFileSystems.has(item.type) && item.mount !== '/') continue;
    if (/^\/(proc|sys|dev|run|snap)(\/|$)/.test(item.mount)) continue;
    volumes.set(item.mount, { mount: item.mount, fsType: text(item.type), sizeBytes: item.size });
  }
  return [...volumes.values()].sort((a, b) => a.mount.localeCompare(b.mount));
}

async function collectHardware(): Promise<{ hardware: Hardware; virtual: boolean }> {
  const [system, bios, cpu, memory, layout] = await Promise.all([
    si.system(),
    si.bios(),
    si.cpu(),
    si.mem(),
    si.diskLayout(),
  ]);
  // Asking the OS again costs a PowerShell start on Windows: only when something is missing.
  const complete = identifier(system.uuid) && identifier(system.serial);
  const native = complete ? { uuid: null, serial: null } : await nativeHardwareIds();
  const disks: Disk[] = layout.map((disk) => ({
    name: disk.device || disk.name,
    model: text(disk.name),
    serial: identifier(disk.serialNum),
    type: text(disk.type),
    sizeBytes: disk.size > 0 ? disk.size : null,
  }));
  const hardware: Hardware = {
    vendor: identifier(system.manufacturer),
    model: identifier(system.model),
    serial: identifier(system.serial) ?? identifier(native.serial),
    systemUuid:
      identifier(system.uuid)?.toLowerCase() ?? identifier(native.uuid)?.toLowerCase() ?? null,
    bios: {
      vendor: identifier(bios.vendor),
      version: identifier(bios.version),
      releaseDate: text(bios.releaseDate),
    },
    cpu: {
      brand: text([cpu.manufacturer, cpu.brand].filter(Boolean).join(' ')),
      cores: cpu.cores || null,
      physicalCores: cpu.physicalCores || null,
    },
    memoryBytes: memory.total || null,
    disks: disks.sort((a, b) => a.name.localeCompare(b.name)),
  };
  return { hardware, virtual: system.virtual };
}

async function machineIdOf(): Promise<string | null> {
  if (process.platform === 'linux') {
    const fromFile =
      (await readText('/etc/machine-id')) ?? (await readText('/var/lib/dbus/machine-id'));
    if (fromFile) return identifier(fromFile);
  }
  // The registry's MachineGuid on Windows, IOPlatformUUID on macOS.
  const ids = await si.uuid();
  return identifier(ids.os);
}

/** Users with an interactive session now (`who` on Unix, the session list on Windows). */
export async function loggedInUsers(): Promise<string[]> {
  const sessions = await si.users();
  return [...new Set(sessions.map((session) => session.user).filter(Boolean))].sort();
}

/** Which identifier the server will rely on, in the server's own order of preference. */
export function identityOf(hardware: Hardware, machineId: string | null, virtual: boolean) {
  const missing = 'The hardware reported no usable system UUID or serial number';
  const why = virtual ? `${missing} (a virtual machine or container)` : missing;
  if (hardware.systemUuid) return { rule: 'system-uuid', note: null, virtual } satisfies Identity;
  if (hardware.serial) return { rule: 'serial', note: null, virtual } satisfies Identity;
  if (machineId) {
    return {
      rule: 'machine-id',
      note: `${why}; identified by the operating system's machine id.`,
      virtual,
    } satisfies Identity;
  }
  return {
    rule: 'mac',
    note: `${why} and no machine id; identified by network addresses.`,
    virtual,
  } satisfies Identity;
}

/** Containers report the host's hardware as their own, or nothing: worth saying. */
async function isContainer(): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  const cgroup = (await readText('/proc/1/cgroup')) ?? '';
  return (
    (await readText('/.dockerenv')) !== null ||
    (await readText('/run/.containerenv')) !== null ||
    /docker|kubepods|containerd|lxc/.test(cgroup)
  );
}

/**
 * Everything the agent reports about this machine, from systeminformation and the OS's own
 * tools. Sources that fail leave their facts `null` (or a section empty) and say so in
 * `sources`, rather than failing the whole collection.
 */
export async function collectInventory(): Promise<Inventory> {
  const machineId = await machineIdOf();
  const [machine, osResult, network, volumes, software, users, container] = await Promise.all([
    collectHardware(),
    collectOs(machineId),
    collectNetwork(),
    collectVolumes(),
    collectSoftware(),
    loggedInUsers(),
    isContainer(),
  ]);
  const { hardware } = machine;
  return {
    hostname: os.hostname(),
    identity: identityOf(hardware, machineId, machine.virtual || container),
    hardware,
    os: osResult.os,
    network,
    volumes,
    software: software.items,
    loggedInUsers: users,
    sources: {
      hardware: 'systeminformation',
      os: osResult.source,
      software: software.source,
    },
  };
}
