import { machines, machineTokens, queryRows } from '@chamados/core';
import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { provisioningSecret, setupApiServer } from '../../../../test/support/api-server.ts';

const fixture = setupApiServer();
let companyId = '';
let enrollmentSecret = '';

// biome-ignore lint/suspicious/noExplicitAny: the tests read API bodies field by field
type Json = Record<string, any>;

beforeAll(async () => {
  const company = await call(fixture.server.baseUrl, '/api/companies', {
    token: fixture.adminToken,
    json: { name: 'Contabilidade Norte', slug: 'norte' },
  });
  companyId = (company.body as Json).company.id;
  const created = await call(fixture.server.baseUrl, '/api/enrollment-secrets', {
    token: fixture.adminToken,
    json: { companyId, label: 'Escritório central' },
  });
  expect(created.status).toBe(201);
  enrollmentSecret = (created.body as Json).secret;
});

/** A registration as an agent on a Dell desktop would send it. */
function registration(overrides: Json = {}): Json {
  return {
    enrollmentSecret,
    hostname: 'RECEPCAO-01',
    os: { name: 'Windows 11 Pro', version: '10.0.22631', build: '22631', arch: 'x64' },
    hardware: {
      systemUuid: '4C4C4544-0042-3510-8051-C7C04F565431',
      serial: 'C5QV5Z1',
      machineId: 'f3a9c1d2e4b54a6c8d7e9f0a1b2c3d4e',
      macs: ['00:1A:2B:3C:4D:5E'],
    },
    agentVersion: '0.1.0',
    ...overrides,
  };
}

const register = (body: unknown, headers?: Record<string, string>) =>
  call(fixture.server.baseUrl, '/api/machines/register', { json: body, headers });

const machineCount = async () => {
  const [row] = await fixture.server.database.db.select({ n: count() }).from(machines);
  return row?.n ?? 0;
};

describe('enrolling machines', () => {
  it('enrols with a company secret and answers the token once', async () => {
    const response = await register(registration());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      machineId: expect.any(String),
      machineToken: expect.stringMatching(/^cmt_[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      heartbeatIntervalSeconds: 60,
    });
    const expires = Date.parse((response.body as Json).expiresAt) - Date.now();
    expect(Math.round(expires / 86_400_000)).toBe(30);

    const machine = await call(
      fixture.server.baseUrl,
      `/api/machines/${(response.body as Json).machineId}`,
      {
        token: fixture.adminToken,
      },
    );
    expect(machine.body).toMatchObject({
      machine: {
        hostname: 'RECEPCAO-01',
        company: { id: companyId, name: 'Contabilidade Norte' },
        fingerprintRule: 'system-uuid',
        status: 'never-seen',
        token: { state: 'active', lastUsedAt: null },
      },
    });
  });

  it('re-enrolling the same hardware keeps one machine and revokes its earlier tokens', async () => {
    const first = (await register(registration({ hostname: 'PC-A' }))).body as Json;
    const before = await machineCount();
    const second = (await register(registration({ hostname: 'PC-A-renamed' }))).body as Json;

    expect(second.machineId).toBe(first.machineId);
    expect(second.machineToken).not.toBe(first.machineToken);
    expect(await machineCount()).toBe(before);
    const tokens = await fixture.server.database.db
      .select()
      .from(machineTokens)
      .where(eq(machineTokens.machineId, first.machineId));
    expect(tokens.filter((token) => token.revokedAt === null)).toHaveLength(1);
  });

  it('never merges machines whose only shared identifiers are placeholders', async () => {
    const placeholderBoard = (machineId: string, mac: string) =>
      registration({
        hardware: {
          systemUuid: '00000000-0000-0000-0000-000000000000',
          serial: 'To be filled by O.E.M.',
          machineId,
          macs: [mac],
        },
      });
    const one = (await register(placeholderBoard('aaaa1111', '00:11:22:33:44:01'))).body as Json;
    const two = (await register(placeholderBoard('bbbb2222', '00:11:22:33:44:02'))).body as Json;
    expect(one.machineId).not.toBe(two.machineId);

    const detail = await call(fixture.server.baseUrl, `/api/machines/${one.machineId}`, {
      token: fixture.adminToken,
    });
    expect((detail.body as Json).machine.fingerprintRule).toBe('machine-id');
  });

  it('refuses hardware with nothing stable to identify it', async () => {
    const before = await machineCount();
    const response = await register(
      registration({
        hardware: { systemUuid: 'Default string', serial: '0', machineId: '', macs: [] },
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect(await machineCount()).toBe(before);
  });

  it('enrols with the global provisioning secret into the company named by slug', async () => {
    const response = await register(
      registration({
        enrollmentSecret: provisioningSecret,
        companySlug: 'norte',
        hardware: { serial: 'GLOBAL-01', macs: [] },
      }),
    );
    expect(response.status).toBe(201);
  });

  const refused = {
    error: { code: 'machine_unauthorized', message: 'Machine authentication failed; enrol again' },
  };

  it.each([
    {
      name: 'an unknown company secret',
      body: { enrollmentSecret: 'chm_not-a-real-secret-at-all' },
    },
    {
      name: 'a wrong provisioning secret',
      body: { enrollmentSecret: 'wrong-provisioning-secret', companySlug: 'norte' },
    },
    {
      name: 'an unknown company slug',
      body: { enrollmentSecret: provisioningSecret, companySlug: 'nope' },
    },
  ])('refuses $name with the same 401, writing nothing', async ({ body }) => {
    const before = await machineCount();
    const response = await register(
      registration({ ...body, hardware: { serial: 'X-1', macs: [] } }),
    );
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refused);
    expect(await machineCount()).toBe(before);
  });

  it('stops accepting a revoked enrollment secret', async () => {
    const created = await call(fixture.server.baseUrl, '/api/enrollment-secrets', {
      token: fixture.adminToken,
      json: { companyId, label: 'Filial' },
    });
    const { enrollmentSecret: row, secret } = created.body as Json;
    const revoked = await call(fixture.server.baseUrl, `/api/enrollment-secrets/${row.id}/revoke`, {
      token: fixture.adminToken,
      method: 'POST',
    });
    expect((revoked.body as Json).enrollmentSecret.revokedAt).not.toBeNull();

    const response = await register(registration({ enrollmentSecret: secret }));
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refused);
  });

  it.each([
    {
      name: 'malformed JSON',
      raw: '{"hostname":',
      type: 'application/json',
      status: 400,
      code: 'invalid_json',
    },
    {
      name: 'a form body',
      raw: 'hostname=x',
      type: 'application/x-www-form-urlencoded',
      status: 415,
      code: 'unsupported_media_type',
    },
  ])('answers $name with $status', async ({ raw, type, status, code }) => {
    const response = await call(fixture.server.baseUrl, '/api/machines/register', {
      raw,
      contentType: type,
      method: 'POST',
    });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { code } });
  });

  it('answers an inventory over 2 MiB with 413', async () => {
    const inventory = { software: 'x'.repeat(2.2 * 1024 * 1024) };
    const response = await register(registration({ inventory }));
    expect(response.status).toBe(413);
  });

  it('answers schema violations with the field paths', async () => {
    const response = await register(registration({ os: { name: 'Linux' } }));
    expect(response.status).toBe(400);
    const paths = (response.body as Json).error.details.map((detail: Json) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['os.version', 'os.arch']));
  });

  it('refuses text the database cannot store, with the field paths', async () => {
    const response = await register(
      registration({
        hostname: 'PC\u0000',
        inventory: { software: [{ name: 'tool\ud800', version: '1' }] },
      }),
    );
    expect(response.status).toBe(400);
    const paths = (response.body as Json).error.details.map((detail: Json) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['hostname', 'inventory']));
  });
});

describe('machine administration', () => {
  it('lets admins revoke a token and shows it revoked', async () => {
    const enrolled = (await register(registration({ hardware: { serial: 'REVOKE-1', macs: [] } })))
      .body as Json;
    const response = await call(
      fixture.server.baseUrl,
      `/api/machines/${enrolled.machineId}/revoke-token`,
      { token: fixture.adminToken, method: 'POST' },
    );
    expect(response.status).toBe(200);
    expect((response.body as Json).machine.token).toMatchObject({
      state: 'revoked',
      revokedReason: 'revoked by an admin',
    });
  });

  it('lists machines for staff only', async () => {
    const list = await call(fixture.server.baseUrl, '/api/machines?q=recepcao', {
      token: fixture.adminToken,
    });
    expect(list.status).toBe(200);
    expect((list.body as Json).machines.map((m: Json) => m.hostname)).toContain('RECEPCAO-01');
  });
});

describe('secrets at rest and in logs', () => {
  it('stores no enrollment secret or machine token in plain text, and logs none', async () => {
    const enrolled = (await register(registration({ hardware: { serial: 'SCAN-1', macs: [] } })))
      .body as Json;
    const dump = await queryRows<{ text: string }>(
      fixture.server.database.db,
      sql`select string_agg(t::text, ' ') as text from (
            select row_to_json(m)::text as t from machine_tokens m
            union all select row_to_json(e)::text from enrollment_secrets e
            union all select row_to_json(x)::text from machines x
            union all select row_to_json(v)::text from events v) rows`,
    );
    const everything = `${dump[0]?.text ?? ''}\n${fixture.server.logText()}`;
    for (const secret of [enrolled.machineToken, enrollmentSecret, provisioningSecret]) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.slice(4, 24));
    }
  });
});
