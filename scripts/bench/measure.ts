import { CliError, exitCodes } from './cli.ts';

export interface LoopLimits {
  /** Requests sent first and not counted: connections, caches and JIT warm up. */
  warmup: number;
  requests: number;
  /** A scenario stops early after this long, reporting what it measured. */
  maxSeconds: number;
}

export interface Latency {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Stopped by the time limit before all requests were sent. */
  cutShort: boolean;
  /** The list's `total` in the last answer: how many tickets matched. */
  matched?: number;
}

/** Signs in over HTTP like a browser of `origin` would; returns the bearer token. */
export async function signIn(
  baseUrl: string,
  origin: string,
  email: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const token = response.headers.get('set-auth-token');
  const text = await response.text();
  if (response.status !== 200 || !token) {
    throw new CliError(`sign-in as ${email} failed: ${response.status} ${text}`, exitCodes.failed);
  }
  return token;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function timedGet(baseUrl: string, path: string, token: string) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) {
    throw new CliError(`GET ${path} answered ${response.status}: ${text}`, exitCodes.failed);
  }
  return { ms, text };
}

/**
 * Sends GET requests one after another (the latency of one user, not throughput) and returns
 * the percentiles of the full request time: headers, body and reading it.
 */
export async function measureLatency(
  baseUrl: string,
  token: string,
  nextPath: () => string,
  limits: LoopLimits,
): Promise<Latency> {
  for (let i = 0; i < limits.warmup; i++) await timedGet(baseUrl, nextPath(), token);

  const samples: number[] = [];
  const deadline = performance.now() + limits.maxSeconds * 1000;
  let last = '';
  while (samples.length < limits.requests && performance.now() < deadline) {
    const { ms, text } = await timedGet(baseUrl, nextPath(), token);
    samples.push(ms);
    last = text;
  }

  const sorted = samples.sort((a, b) => a - b);
  const total = (JSON.parse(last || '{}') as { total?: unknown }).total;
  return {
    requests: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    cutShort: sorted.length < limits.requests,
    matched: typeof total === 'number' ? total : undefined,
  };
}
