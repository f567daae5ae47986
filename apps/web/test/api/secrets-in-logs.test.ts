import { describe, expect, it } from 'vitest';
import { call, signIn } from '../../../../test/support/api-client.ts';
import { adminEmail, adminPassword, setupApiServer } from '../../../../test/support/api-server.ts';

const fixture = setupApiServer({ signInAsAdmin: false });

describe('logs', () => {
  it('carry a request id on every request line and never a password, token or cookie', async () => {
    const { token, cookie } = await signIn(fixture.server.baseUrl, adminEmail, adminPassword);
    const requesterPassword = 'requester-password-never-logged';
    const company = await call(fixture.server.baseUrl, '/api/companies', {
      token,
      json: { name: 'Logs Ltda' },
    });
    const companyId = (company.body as { company: { id: string } }).company.id;
    await call(fixture.server.baseUrl, '/api/users', {
      cookie,
      json: {
        name: 'R',
        email: 'r@logs.test',
        password: requesterPassword,
        role: 'requester',
        companyId,
      },
    });
    await call(fixture.server.baseUrl, '/api/auth/sign-in/email', {
      json: { email: 'r@logs.test', password: 'wrong-password-also-secret' },
    });
    await call(fixture.server.baseUrl, '/api/companies?token=query-secret-value', { token });

    const text = fixture.server.logText();
    const cookieValue = cookie.split('=')[1] ?? '';
    for (const secret of [
      adminPassword,
      requesterPassword,
      'wrong-password-also-secret',
      token,
      token.split('.')[0] ?? token,
      decodeURIComponent(cookieValue),
      'query-secret-value',
      'test-secret-that-is-at-least-32-characters-long',
    ]) {
      expect(text).not.toContain(secret);
    }

    const requests = fixture.server.logs.filter((line) => line.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const line of requests) {
      expect(line).toMatchObject({ reqId: expect.any(String), status: expect.any(Number) });
    }
    expect(requests.find((line) => line.path === '/api/companies')).toMatchObject({
      userId: expect.any(String),
    });
  });
});
