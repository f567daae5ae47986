import { companies } from '@chamados/core';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { setupApiServer } from '../../../../test/support/api-server.ts';

const fixture = setupApiServer();

const companyCount = async () => {
  const [row] = await fixture.server.database.db.select({ n: count() }).from(companies);
  return row?.n ?? 0;
};

describe('the common error body', () => {
  const cases: {
    name: string;
    path: string;
    options: Parameters<typeof call>[2];
    status: number;
    error: Record<string, unknown>;
  }[] = [
    {
      name: 'malformed JSON',
      path: '/api/companies',
      options: { raw: '{"name": "Acme"', method: 'POST' },
      status: 400,
      error: { code: 'invalid_json', message: 'Request body is not valid JSON' },
    },
    {
      name: 'an empty body',
      path: '/api/companies',
      options: { raw: '', method: 'POST' },
      status: 400,
      error: { code: 'invalid_json', message: 'Request body is empty' },
    },
    {
      name: 'a body that is not JSON',
      path: '/api/companies',
      options: { raw: 'name=Acme', contentType: 'application/x-www-form-urlencoded' },
      status: 415,
      error: { code: 'unsupported_media_type', message: 'Content-Type must be application/json' },
    },
    {
      name: 'a body over the route limit',
      path: '/api/companies',
      options: { json: { name: 'x'.repeat(20_000) } },
      status: 413,
      error: { code: 'payload_too_large', message: 'Request body is larger than 16384 bytes' },
    },
    {
      name: 'an unknown field',
      path: '/api/companies',
      options: { json: { name: 'Acme', plan: 'gold' } },
      status: 400,
      error: {
        code: 'validation_failed',
        message: '(root): Unrecognized key: "plan"',
        details: [{ path: '(root)', message: 'Unrecognized key: "plan"' }],
      },
    },
    {
      name: 'an invalid slug',
      path: '/api/companies',
      options: { json: { name: 'Acme', slug: 'Not A Slug' } },
      status: 400,
      error: {
        code: 'validation_failed',
        message: 'slug: lowercase letters, digits and inner hyphens, at most 64 characters',
        details: [
          {
            path: 'slug',
            message: 'lowercase letters, digits and inner hyphens, at most 64 characters',
          },
        ],
      },
    },
    {
      name: 'an unknown API route',
      path: '/api/nothing-here',
      options: {},
      status: 404,
      error: { code: 'not_found', message: 'No API route /api/nothing-here' },
    },
    {
      name: 'a method the route does not take',
      path: '/api/health',
      options: { method: 'DELETE' },
      status: 405,
      error: { code: 'method_not_allowed', message: 'Use GET on /api/health' },
    },
  ];

  it.each(cases)('answers $name with $status and writes nothing', async (testCase) => {
    const before = await companyCount();
    const response = await call(fixture.server.baseUrl, testCase.path, {
      token: fixture.adminToken,
      ...testCase.options,
    });

    expect(response.status).toBe(testCase.status);
    expect(response.body).toEqual({ error: testCase.error });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await companyCount()).toBe(before);
  });

  it('answers without a session with 401, before reading the body', async () => {
    const response = await call(fixture.server.baseUrl, '/api/companies', {
      json: { name: 'Acme' },
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: { code: 'unauthorized', message: 'Sign in to continue' },
    });
  });

  it('answers a forged bearer token with 401', async () => {
    const response = await call(fixture.server.baseUrl, '/api/companies', {
      token: `${fixture.adminToken}x`,
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: { code: 'unauthorized', message: 'Sign in to continue' },
    });
  });

  it('gives every response a request id, keeping a well-formed one from a proxy', async () => {
    const given = await call(fixture.server.baseUrl, '/api/health', {
      headers: { 'x-request-id': 'proxy-request-0001' },
    });
    expect(given.headers.get('x-request-id')).toBe('proxy-request-0001');

    const made = await call(fixture.server.baseUrl, '/api/health', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns an unexpected failure into a 500 that reveals nothing, logged with the request id', async () => {
    const original = fixture.server.runtime.database.db.insert;
    fixture.server.runtime.database.db.insert = (() => {
      throw new Error('disk on fire: /var/lib/secret-path');
    }) as typeof original;
    try {
      const response = await call(fixture.server.baseUrl, '/api/companies', {
        token: fixture.adminToken,
        json: { name: 'Acme' },
      });
      expect(response.status).toBe(500);
      expect(response.body).toEqual({
        error: { code: 'internal', message: 'Internal server error' },
      });
      const requestId = response.headers.get('x-request-id');
      const logged = fixture.server.logs.find((line) => line.msg === 'request failed');
      expect(logged?.reqId).toBe(requestId);
    } finally {
      fixture.server.runtime.database.db.insert = original;
    }
  });
});
