import { describe, expect, it } from 'vitest';
import { backoffDelay, jittered, maxBackoffMs } from '../../src/backoff.ts';

/** Fixed "random" draws: the lowest, the middle and the highest a jitter can land on. */
const lowest = () => 0;
const middle = () => 0.5;
const highest = () => 1;

describe('backoffDelay', () => {
  const ceilings: { failures: number; ceilingMs: number }[] = [
    { failures: 0, ceilingMs: 5_000 },
    { failures: 1, ceilingMs: 5_000 },
    { failures: 2, ceilingMs: 10_000 },
    { failures: 3, ceilingMs: 20_000 },
    { failures: 4, ceilingMs: 40_000 },
    { failures: 5, ceilingMs: 80_000 },
    { failures: 6, ceilingMs: 160_000 },
    { failures: 7, ceilingMs: 300_000 },
    { failures: 8, ceilingMs: 300_000 },
    { failures: 1_000, ceilingMs: 300_000 },
  ];

  it.each(ceilings)(
    'after $failures failures waits between half and all of $ceilingMs ms',
    ({ failures, ceilingMs }) => {
      expect(backoffDelay(failures, lowest)).toBe(ceilingMs / 2);
      expect(backoffDelay(failures, middle)).toBe((ceilingMs * 3) / 4);
      expect(backoffDelay(failures, highest)).toBe(ceilingMs);
    },
  );

  it('never waits longer than five minutes', () => {
    expect(maxBackoffMs).toBe(5 * 60_000);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, highest)).toBe(maxBackoffMs);
  });

  it('returns whole milliseconds', () => {
    // A ceiling of 5 s and a draw of one third: 2 500 + 833.33… ms.
    expect(backoffDelay(1, () => 1 / 3)).toBe(3_333);
  });

  it('draws its jitter from Math.random when given none', () => {
    for (let failures = 1; failures <= 10; failures++) {
      const delay = backoffDelay(failures);
      const ceiling = Math.min(maxBackoffMs, 5_000 * 2 ** (failures - 1));
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });
});

describe('jittered', () => {
  it.each([
    { draw: 'lowest', random: lowest, expected: 54_000 },
    { draw: 'middle', random: middle, expected: 60_000 },
    { draw: 'highest', random: highest, expected: 66_000 },
  ])(
    'moves a 60 s interval by at most 10 % ($draw draw → $expected ms)',
    ({ random, expected }) => {
      expect(jittered(60_000, random)).toBe(expected);
    },
  );

  it('returns whole milliseconds', () => {
    // 90 % of 1 234 ms is 1 110.6 ms.
    expect(jittered(1_234, lowest)).toBe(1_111);
  });

  it('draws its jitter from Math.random when given none', () => {
    for (let draw = 0; draw < 20; draw++) {
      const interval = jittered(30_000);
      expect(interval).toBeGreaterThanOrEqual(27_000);
      expect(interval).toBeLessThanOrEqual(33_000);
    }
  });
});
