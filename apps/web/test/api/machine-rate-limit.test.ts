import { describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { setupApiServer } from '../../../../test/support/api-server.ts';

const fixture = setupApiServer({ signInAsAdmin: false });

describe('POST /api/machines/register bursts', () => {
  it('answers 429 with Retry-After once a client passes 30 a minute', async () => {
    const attempt = () =>
      call(fixture.server.baseUrl, '/api/machines/register', { json: { hostname: 'x' } });
    for (let i = 0; i < 30; i++) expect((await attempt()).status).toBe(400);

    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      error: { code: 'rate_limited', message: 'Too many requests; try again later' },
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});
