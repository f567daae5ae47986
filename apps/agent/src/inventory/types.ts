/**
 * The inventory an agent sends. The server hashes its canonical JSON, so nothing in here may
 * change between two collections on an unchanged machine: no timestamps, no used space, no
 * uptime (those travel with each heartbeat as metrics). Absent facts are `null`, never `''`.
 */
export interface Inventory {
  hostname: string;
  /** Which identifier the server can rely on, and why a better one was not used. */
  identity: Identity;
  hardware: Hardware;
  os: OsInfo;
  network: NetworkInterface[];
  volumes: Volume[];
  software: SoftwareItem[];
  /** Users with an interactive session when the inventory was collected. */
  loggedInUsers: string[];
  /** Where each section came from, e.g. `{ software: 'dpkg' }`. */
  sources: Record<string, string>;
}

export interface Identity {
  rule: 'system-uuid' | 'serial' | 'machine-id' | 'mac';
  /** Set when the hardware reported placeholders or nothing (containers, some VMs). */
  note: string | null;
  virtual: boolean;
}

export interface Hardware {
  vendor: string | null;
  model: string | null;
  serial: string | null;
  systemUuid: string | null;
  bios: { vendor: string | null; version: string | null; releaseDate: string | null };
  cpu: { brand: string | null; cores: number | null; physicalCores: number | null };
  memoryBytes: number | null;
  disks: Disk[];
}

export interface Disk {
  name: string;
  model: string | null;
  serial: string | null;
  type: string | null;
  sizeBytes: number | null;
}

export interface OsInfo {
  platform: 'linux' | 'darwin' | 'win32' | string;
  name: string;
  version: string | null;
  build: string | null;
  kernel: string | null;
  arch: string;
  machineId: string | null;
}

export interface NetworkInterface {
  name: string;
  mac: string | null;
  ipv4: string[];
  ipv6: string[];
  /** True for the interface the default route leaves through. */
  defaultRoute: boolean;
  virtual: boolean;
}

export interface Volume {
  mount: string;
  fsType: string | null;
  sizeBytes: number;
}

export interface SoftwareItem {
  name: string;
  version: string;
  publisher: string | null;
}
