import { signInRateLimit } from '@chamados/core';
import { describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { adminEmail, setupApiServer } from '../../../../test/support/api-server.ts';

const fixture = setupApiServer({ signInAsAdmin: false });

describe('sign-in rate limit', () => {
  it(`allows ${signInRateLimit.max} attempts a window, then answers 429 with Retry-After`, async () => {
    const attempt = (headers: Record<string, string> = {}) =>
      call(fixture.server.baseUrl, '/api/auth/sign-in/email', {
        json: { email: adminEmail, password: 'guessing-the-password' },
        headers,
      });

    for (let i = 0; i < signInRateLimit.max; i++) {
      expect((await attempt()).status).toBe(401);
    }
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      error: { code: 'rate_limited', message: 'Too many requests. Please try again later.' },
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(signInRateLimit.window);

    // The client address comes from the socket: a forged header does not buy a fresh bucket.
    const forged = await attempt({ 'x-chamados-client-ip': '203.0.113.9' });
    expect(forged.status).toBe(429);
  });
});
