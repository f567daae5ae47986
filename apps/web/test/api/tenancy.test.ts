import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../../../../test/support/api-client.ts';
import {
  type ApiServer,
  adminEmail,
  adminPassword,
  startApiServer,
} from '../../../../test/support/api-server.ts';

// Every route × every role × own / other company. A requester belongs to company A; "other"
// is company B. Staff have no company and see across companies.

type Caller = 'anonymous' | 'admin' | 'technician' | 'requesterA';

let server: ApiServer;
const tokens: Partial<Record<Caller, string>> = {};
const ids = { companyA: '', companyB: '' };

beforeAll(async () => {
  server = await startApiServer();
  tokens.admin = (await signIn(server.baseUrl, adminEmail, adminPassword)).token;
  const create = async (path: string, json: unknown) => {
    const response = await call(server.baseUrl, path, { token: tokens.admin, json });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body as Record<string, { id: string }>;
  };

  ids.companyA = (await create('/api/companies', { name: 'Empresa A' })).company?.id ?? '';
  ids.companyB = (await create('/api/companies', { name: 'Empresa B' })).company?.id ?? '';
  const password = 'tenancy-test-password';
  await create('/api/users', {
    name: 'Técnico',
    email: 'tec@tenancy.test',
    password,
    role: 'technician',
  });
  await create('/api/users', {
    name: 'Solicitante A',
    email: 'req@a.test',
    password,
    role: 'requester',
    companyId: ids.companyA,
  });
  await create('/api/users', {
    name: 'Solicitante B',
    email: 'req@b.test',
    password,
    role: 'requester',
    companyId: ids.companyB,
  });
  tokens.technician = (await signIn(server.baseUrl, 'tec@tenancy.test', password)).token;
  tokens.requesterA = (await signIn(server.baseUrl, 'req@a.test', password)).token;
});
afterAll(() => server.close());

interface Case {
  route: string;
  caller: Caller;
  target: 'own' | 'other' | 'any';
  request: () => { path: string; json?: unknown };
  status: number;
  /** For lists: which companies the caller must see, exactly. */
  sees?: ('companyA' | 'companyB')[];
}

const newRequester = (company: 'companyA' | 'companyB', caller: string) => ({
  path: '/api/users',
  json: {
    name: `Novo ${caller}`,
    email: `novo-${caller}-${company}@tenancy.test`,
    password: 'tenancy-test-password',
    role: 'requester',
    companyId: ids[company],
  },
});

const cases: Case[] = [
  // GET /api/companies
  {
    route: 'GET /api/companies',
    caller: 'anonymous',
    target: 'any',
    request: () => ({ path: '/api/companies' }),
    status: 401,
  },
  {
    route: 'GET /api/companies',
    caller: 'admin',
    target: 'any',
    request: () => ({ path: '/api/companies' }),
    status: 200,
    sees: ['companyA', 'companyB'],
  },
  {
    route: 'GET /api/companies',
    caller: 'technician',
    target: 'any',
    request: () => ({ path: '/api/companies' }),
    status: 200,
    sees: ['companyA', 'companyB'],
  },
  {
    route: 'GET /api/companies',
    caller: 'requesterA',
    target: 'own',
    request: () => ({ path: '/api/companies' }),
    status: 200,
    sees: ['companyA'],
  },
  // POST /api/companies
  {
    route: 'POST /api/companies',
    caller: 'anonymous',
    target: 'any',
    request: () => ({ path: '/api/companies', json: { name: 'X anon' } }),
    status: 401,
  },
  {
    route: 'POST /api/companies',
    caller: 'admin',
    target: 'any',
    request: () => ({ path: '/api/companies', json: { name: 'X admin' } }),
    status: 201,
  },
  {
    route: 'POST /api/companies',
    caller: 'technician',
    target: 'any',
    request: () => ({ path: '/api/companies', json: { name: 'X tec' } }),
    status: 403,
  },
  {
    route: 'POST /api/companies',
    caller: 'requesterA',
    target: 'any',
    request: () => ({ path: '/api/companies', json: { name: 'X req' } }),
    status: 403,
  },
  // GET /api/users
  {
    route: 'GET /api/users',
    caller: 'anonymous',
    target: 'any',
    request: () => ({ path: '/api/users' }),
    status: 401,
  },
  {
    route: 'GET /api/users',
    caller: 'admin',
    target: 'any',
    request: () => ({ path: '/api/users' }),
    status: 200,
  },
  {
    route: 'GET /api/users',
    caller: 'technician',
    target: 'any',
    request: () => ({ path: '/api/users' }),
    status: 403,
  },
  {
    route: 'GET /api/users',
    caller: 'requesterA',
    target: 'own',
    request: () => ({ path: `/api/users?companyId=${ids.companyA}` }),
    status: 403,
  },
  {
    route: 'GET /api/users',
    caller: 'requesterA',
    target: 'other',
    request: () => ({ path: `/api/users?companyId=${ids.companyB}` }),
    status: 403,
  },
  // POST /api/users
  {
    route: 'POST /api/users',
    caller: 'anonymous',
    target: 'own',
    request: () => newRequester('companyA', 'anon'),
    status: 401,
  },
  {
    route: 'POST /api/users',
    caller: 'admin',
    target: 'own',
    request: () => newRequester('companyA', 'admin'),
    status: 201,
  },
  {
    route: 'POST /api/users',
    caller: 'admin',
    target: 'other',
    request: () => newRequester('companyB', 'admin'),
    status: 201,
  },
  {
    route: 'POST /api/users',
    caller: 'technician',
    target: 'own',
    request: () => newRequester('companyA', 'tec'),
    status: 403,
  },
  {
    route: 'POST /api/users',
    caller: 'requesterA',
    target: 'own',
    request: () => newRequester('companyA', 'req'),
    status: 403,
  },
  {
    route: 'POST /api/users',
    caller: 'requesterA',
    target: 'other',
    request: () => newRequester('companyB', 'req'),
    status: 403,
  },
];

describe('tenancy matrix', () => {
  it.each(cases)('$route as $caller on $target company → $status', async (testCase) => {
    const { path, json } = testCase.request();
    const response = await call(server.baseUrl, path, { token: tokens[testCase.caller], json });

    expect(response.status).toBe(testCase.status);
    if (testCase.status === 401) {
      expect(response.body).toEqual({
        error: { code: 'unauthorized', message: 'Sign in to continue' },
      });
    }
    if (testCase.status === 403) {
      expect(response.body).toEqual({
        error: { code: 'forbidden', message: 'You do not have permission to do this' },
      });
    }
    if (testCase.sees) {
      const seen = (response.body as { companies: { id: string }[] }).companies.map((c) => c.id);
      const expected = testCase.sees.map((key) => ids[key]);
      expect(seen.filter((id) => id === ids.companyA || id === ids.companyB).sort()).toEqual(
        expected.sort(),
      );
      if (testCase.caller === 'requesterA') expect(seen).toEqual([ids.companyA]);
    }
  });
});
