import { readFileSync } from 'node:fs';

/** Linux counts CPU time in clock ticks of 1/100 s (USER_HZ). */
const ticksPerSecond = 100;

/**
 * CPU seconds a process has used (user + system, all its threads) and its peak resident memory,
 * from /proc; null where there is no /proc or the process is gone.
 */
export function processUsage(
  pid: number | undefined,
): { cpuSeconds: number; peakRssBytes: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const peakKib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    return { cpuSeconds, peakRssBytes: peakKib * 1024 };
  } catch {
    return null;
  }
}
