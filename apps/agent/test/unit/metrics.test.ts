import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createMetricsSampler } from '../../src/metrics.ts';

/** The sampler reads this machine's own counters; nothing is faked. */
describe('createMetricsSampler on this machine', () => {
  it('reports CPU use as a percentage, on the first sample and the next', async () => {
    const sample = createMetricsSampler();

    for (const metrics of [await sample([]), await sample([])]) {
      expect(metrics.cpuPercent).toBeGreaterThanOrEqual(0);
      expect(metrics.cpuPercent).toBeLessThanOrEqual(100);
    }
  });

  it("reports memory against the machine's total", async () => {
    const { memory } = await createMetricsSampler()([]);

    expect(memory.totalBytes).toBe(os.totalmem());
    expect(memory.usedBytes).toBeGreaterThan(0);
    expect(memory.usedBytes).toBeLessThanOrEqual(memory.totalBytes);
  });

  it('measures the mounted volumes and drops the ones that are gone', async () => {
    const { disks } = await createMetricsSampler()(['/', '/nonexistent-mount']);

    expect(disks.map((disk) => disk.mount)).toEqual(['/']);
    const [root] = disks;
    expect(root?.totalBytes).toBeGreaterThan(0);
    expect(root?.usedBytes).toBeGreaterThanOrEqual(0);
    expect(root?.usedBytes).toBeLessThanOrEqual(root?.totalBytes ?? 0);
  });

  it('reports the uptime in whole seconds', async () => {
    const { uptimeSeconds } = await createMetricsSampler()([]);

    expect(uptimeSeconds).toBeGreaterThan(0);
    expect(Number.isInteger(uptimeSeconds)).toBe(true);
  });

  it.runIf(process.platform === 'linux')(
    'reports the 1, 5 and 15 minute load on Linux',
    async () => {
      const { load } = await createMetricsSampler()([]);

      expect(load).toHaveLength(3);
      for (const value of load ?? []) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
      }
    },
  );
});
