import { AppError } from '@chamados/core';

/** A refusal that tells the client when to come back (the Retry-After header). */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'Too many requests; try again later');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * A fixed-window counter per key (the client address), kept in this process. It stops bursts
 * from one client; with several processes each counts on its own, so the effective limit is
 * per process.
 */
export function createRateLimiter({ windowMs, max }: { windowMs: number; max: number }) {
  const windows = new Map<string, { start: number; count: number }>();

  return function consume(key: string, now = Date.now()): void {
    if (windows.size > 100_000) {
      for (const [stale, window] of windows) {
        if (now - window.start >= windowMs) windows.delete(stale);
      }
    }
    const window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      windows.set(key, { start: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > max) {
      throw new RateLimitedError(Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)));
    }
  };
}
