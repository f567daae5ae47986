/** What `system_profiler SPHardwareDataType -json` says about the machine; `null` when absent. */
export interface HardwareOverview {
  /** The model identifier, e.g. `VirtualMac2,1`. */
  model: string | null;
  /** The marketing name, e.g. `MacBook Air`. */
  modelName: string | null;
  serial: string | null;
  platformUuid: string | null;
  /** `chip_type` on Apple silicon, `cpu_type` on Intel. */
  chip: string | null;
  memoryBytes: number | null;
  cores: number | null;
  performanceCores: number | null;
  efficiencyCores: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

const unitBytes = new Map([
  ['KB', 1024],
  ['MB', 1024 ** 2],
  ['GB', 1024 ** 3],
  ['TB', 1024 ** 4],
]);

/** `"8 GB"` → 8 GiB in bytes: system_profiler's memory units are binary. */
function memoryBytes(value: unknown): number | null {
  const match = typeof value === 'string' ? /^(\d+) ([KMGT]B)$/.exec(value.trim()) : null;
  const unit = match?.[2] ? unitBytes.get(match[2]) : undefined;
  return match?.[1] && unit ? Number(match[1]) * unit : null;
}

/**
 * `number_processors` is the total core count: an integer on Intel Macs and VMs, a string
 * `proc <total>:<performance>:<efficiency>` on Apple silicon.
 */
function cores(
  value: unknown,
): Pick<HardwareOverview, 'cores' | 'performanceCores' | 'efficiencyCores'> {
  if (typeof value === 'number' && Number.isInteger(value)) {
    return { cores: value, performanceCores: null, efficiencyCores: null };
  }

  const match = typeof value === 'string' ? /^proc (\d+):(\d+):(\d+)$/.exec(value.trim()) : null;
  if (!match) return { cores: null, performanceCores: null, efficiencyCores: null };
  return {
    cores: Number(match[1]),
    performanceCores: Number(match[2]),
    efficiencyCores: Number(match[3]),
  };
}

/**
 * Parses `system_profiler SPHardwareDataType -json` (the first, and only, `hardware_overview`
 * item). A VM reports its chip as `Unknown`, which is a placeholder, so it becomes `null`.
 * Throws a `SyntaxError` when the text is not JSON.
 */
export function parseHardwareOverviewJson(text: string): HardwareOverview {
  const parsed: unknown = JSON.parse(text);
  const list = isRecord(parsed) ? parsed.SPHardwareDataType : undefined;
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  const overview = isRecord(first) ? first : {};

  const chip = stringOf(overview.chip_type) ?? stringOf(overview.cpu_type);
  return {
    model: stringOf(overview.machine_model),
    modelName: stringOf(overview.machine_name),
    serial: stringOf(overview.serial_number),
    platformUuid: stringOf(overview.platform_UUID),
    chip: chip === 'Unknown' ? null : chip,
    memoryBytes: memoryBytes(overview.physical_memory),
    ...cores(overview.number_processors),
  };
}
