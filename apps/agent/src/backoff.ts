/** The longest the agent waits between two attempts to reach the server. */
export const maxBackoffMs = 5 * 60_000;
const firstBackoffMs = 5_000;

/**
 * How long to wait before attempt number `failures` + 1 after `failures` failures in a row:
 * doubling from 5 s up to 5 min, with "full jitter" (a random point between half and all of
 * it) so a fleet that lost its server at once does not come back in one wave.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxBackoffMs, firstBackoffMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The server's heartbeat interval, ±10 %, so machines started together drift apart. */
export function jittered(intervalMs: number, random: () => number = Math.random): number {
  return Math.round(intervalMs * (0.9 + random() * 0.2));
}
