import { accounts, users } from '@chamados/core';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../../../../test/support/api-client.ts';
import { setupApiServer } from '../../../../test/support/api-server.ts';

const fixture = setupApiServer();

const post = (path: string, json: unknown, token = fixture.adminToken) =>
  call(fixture.server.baseUrl, path, { token, json });

describe('companies', () => {
  it('creates a company with a slug derived from its name', async () => {
    const response = await post('/api/companies', { name: '  Padaria São João Ltda. ' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      company: { name: 'Padaria São João Ltda.', slug: 'padaria-sao-joao-ltda' },
    });
  });

  it('answers a taken slug with 409', async () => {
    await post('/api/companies', { name: 'Oficina Central', slug: 'oficina' });
    const response = await post('/api/companies', { name: 'Outra Oficina', slug: 'oficina' });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: { code: 'conflict', message: 'A company with slug "oficina" already exists' },
    });
  });

  it('asks for a slug when none can be derived from the name', async () => {
    const response = await post('/api/companies', { name: '日本語の会社' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: {
        code: 'validation_failed',
        message: 'slug: cannot be derived from the name; give one',
        details: [{ path: 'slug', message: 'cannot be derived from the name; give one' }],
      },
    });
  });
});

describe('users', () => {
  let companyId: string;

  beforeAll(async () => {
    const response = await post('/api/companies', { name: 'Escritório Contábil Silva' });
    companyId = (response.body as { company: { id: string } }).company.id;
  });

  it('creates a requester who can then sign in', async () => {
    const response = await post('/api/users', {
      name: 'Ana Souza',
      email: 'Ana.Souza@Silva.com.br',
      password: 'uma-senha-bem-longa',
      role: 'requester',
      companyId,
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      user: {
        id: expect.any(String),
        name: 'Ana Souza',
        email: 'ana.souza@silva.com.br',
        role: 'requester',
        companyId,
        isCompanyManager: false,
        createdAt: expect.any(String),
      },
    });

    const session = await signIn(
      fixture.server.baseUrl,
      'ana.souza@silva.com.br',
      'uma-senha-bem-longa',
    );
    expect(session.token).toBeTruthy();
  });

  const invalid: { name: string; body: Record<string, unknown>; details: unknown[] }[] = [
    {
      name: 'a requester without a company',
      body: { role: 'requester' },
      details: [{ path: 'companyId', message: 'a requester must belong to a company' }],
    },
    {
      name: 'the machine role',
      body: { role: 'machine' },
      details: [
        {
          path: 'role',
          message: 'Invalid option: expected one of "admin"|"technician"|"requester"',
        },
      ],
    },
    {
      name: 'a short password',
      body: { role: 'technician', password: 'short' },
      details: [
        { path: 'password', message: 'Too small: expected string to have >=12 characters' },
      ],
    },
    {
      name: 'staff with a company',
      body: { role: 'technician', companyId: '00000000-0000-4000-8000-000000000000' },
      details: [{ path: 'companyId', message: 'staff work across companies and take no company' }],
    },
  ];

  it.each(invalid)('refuses $name with 400 and the field, creating nothing', async (testCase) => {
    const before = await userCount();
    const response = await post('/api/users', {
      name: 'Someone',
      email: 'someone@example.com',
      password: 'a-long-enough-password',
      ...testCase.body,
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: 'validation_failed', details: testCase.details },
    });
    expect(await userCount()).toBe(before);
  });

  it('answers an unknown company with 404 and leaves no half-made user', async () => {
    const before = await userCount();
    const response = await post('/api/users', {
      name: 'Ghost',
      email: 'ghost@example.com',
      password: 'a-long-enough-password',
      role: 'requester',
      companyId: '00000000-0000-4000-8000-000000000000',
    });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: 'Company not found' } });
    expect(await userCount()).toBe(before);
  });

  it('answers a taken email with 409, whatever its case', async () => {
    const body = {
      name: 'Tec',
      email: 'tec@chamados.test',
      password: 'a-long-enough-password',
      role: 'technician',
    };
    expect((await post('/api/users', body)).status).toBe(201);
    const before = await userCount();
    const again = await post('/api/users', { ...body, email: 'TEC@chamados.test' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: { code: 'conflict', message: 'A user with this email already exists' },
    });
    expect(await userCount()).toBe(before);
  });

  it('stores only a password hash', async () => {
    const [user] = await fixture.server.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'ana.souza@silva.com.br'));
    const [account] = await fixture.server.database.db
      .select({ password: accounts.password })
      .from(accounts)
      .where(eq(accounts.userId, user?.id ?? ''));
    expect(account?.password).not.toContain('uma-senha-bem-longa');
    expect(account?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
  });

  it('lists users filtered by company, with pagination', async () => {
    const response = await call(
      fixture.server.baseUrl,
      `/api/users?companyId=${companyId}&limit=5`,
      {
        token: fixture.adminToken,
      },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      users: [{ email: 'ana.souza@silva.com.br', companyId }],
      limit: 5,
      offset: 0,
    });

    const bad = await call(fixture.server.baseUrl, '/api/users?limit=5000', {
      token: fixture.adminToken,
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

async function userCount(): Promise<number> {
  const [row] = await fixture.server.database.db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
