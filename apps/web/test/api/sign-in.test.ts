import { randomUUID } from 'node:crypto';
import { companies, users } from '@chamados/core';
import { describe, expect, it } from 'vitest';
import { call, signIn } from '../../../../test/support/api-client.ts';
import { adminEmail, adminPassword, setupApiServer } from '../../../../test/support/api-server.ts';

const fixture = setupApiServer({ signInAsAdmin: false });

const signInPath = '/api/auth/sign-in/email';
const refused = {
  error: { code: 'invalid_credentials', message: 'Invalid email or password' },
};

describe('sign-in', () => {
  it('gives a session cookie and a bearer token that both authenticate', async () => {
    const { token, cookie } = await signIn(fixture.server.baseUrl, adminEmail, adminPassword);
    expect(cookie).toMatch(/^chamados\.session_token=/);

    for (const auth of [{ token }, { cookie }]) {
      const response = await call(fixture.server.baseUrl, '/api/companies', auth);
      expect(response.status).toBe(200);
    }
  });

  it('answers a wrong password and an unknown email with the same 401 body', async () => {
    const wrongPassword = await call(fixture.server.baseUrl, signInPath, {
      json: { email: adminEmail, password: 'not-the-password-at-all' },
    });
    const unknownEmail = await call(fixture.server.baseUrl, signInPath, {
      json: { email: 'nobody@chamados.test', password: 'not-the-password-at-all' },
    });

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(refused);
    expect(unknownEmail.body).toEqual(refused);
  });

  it('never lets a machine identity sign in with a password', async () => {
    const [company] = await fixture.server.database.db
      .insert(companies)
      .values({ name: 'Machines Inc', slug: 'machines-inc' })
      .returning();
    const email = `machine-${randomUUID()}@machines.chamados.test`;
    await fixture.server.database.db
      .insert(users)
      .values({ id: randomUUID(), name: 'PC-01', email, role: 'machine', companyId: company?.id });

    const response = await call(fixture.server.baseUrl, signInPath, {
      json: { email, password: 'any-password-at-all' },
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refused);
  });

  it('ends the session on sign-out', async () => {
    const { token } = await signIn(fixture.server.baseUrl, adminEmail, adminPassword);
    const out = await call(fixture.server.baseUrl, '/api/auth/sign-out', { token, json: {} });
    expect(out.status).toBe(200);

    const after = await call(fixture.server.baseUrl, '/api/companies', { token });
    expect(after.status).toBe(401);
  });

  it('refuses a sign-in from another origin', async () => {
    const response = await call(fixture.server.baseUrl, signInPath, {
      json: { email: adminEmail, password: adminPassword },
      headers: { origin: 'http://evil.example' },
      cookie: 'chamados.session_token=anything',
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: 'forbidden' } });
  });
});
