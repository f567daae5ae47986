import { statfs } from 'node:fs/promises';
import os from 'node:os';
import type { HeartbeatRequest } from './client.ts';

type Metrics = HeartbeatRequest['metrics'];

interface CpuTimes {
  idle: number;
  total: number;
}

function cpuTimes(): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const { user, nice, sys, irq, idle: idleTime } = cpu.times;
    idle += idleTime;
    total += user + nice + sys + irq + idleTime;
  }
  return { idle, total };
}

/**
 * Samples the machine's load without blocking and without spawning anything: CPU use is the
 * share of non-idle time since the previous sample, memory comes from the kernel's counters
 * (on Linux "available" memory, so the page cache does not count as used; macOS reports only
 * free pages, which overstates use) and each volume from one `statfs` call.
 */
export function createMetricsSampler() {
  let previous = cpuTimes();

  return async function sample(mounts: string[]): Promise<Metrics> {
    const now = cpuTimes();
    const busy = now.total - previous.total - (now.idle - previous.idle);
    const elapsed = now.total - previous.total;
    previous = now;
    const cpuPercent = elapsed > 0 ? Math.min(100, Math.max(0, (busy / elapsed) * 100)) : 0;

    const totalMemory = os.totalmem();
    const disks: Metrics['disks'] = [];
    for (const mount of mounts.slice(0, 64)) {
      try {
        const stats = await statfs(mount);
        const totalBytes = stats.blocks * stats.bsize;
        if (totalBytes <= 0) continue;
        disks.push({ mount, totalBytes, usedBytes: (stats.blocks - stats.bfree) * stats.bsize });
      } catch {
        // A volume unmounted since the last inventory: it simply drops out of the metrics.
      }
    }
    return {
      cpuPercent: Math.round(cpuPercent * 10) / 10,
      // Windows has no load average; Node reports zeros there, which would read as idle.
      load: process.platform === 'win32' ? undefined : os.loadavg().map(round2),
      memory: { usedBytes: totalMemory - os.freemem(), totalBytes: totalMemory },
      disks,
      uptimeSeconds: Math.floor(os.uptime()),
    };
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
