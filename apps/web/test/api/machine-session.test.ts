import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { provisioningSecret, setupApiServer } from '../../../../test/support/api-server.ts';

const fixture = setupApiServer();

// biome-ignore lint/suspicious/noExplicitAny: the tests read API bodies field by field
type Json = Record<string, any>;

let machine: { machineId: string; machineToken: string };
let cookie = '';
let requesterTicket = '';

const bearer = () => ({ authorization: `Bearer ${machine.machineToken}` });
const asMachine = (path: string, json?: unknown, method?: string) =>
  call(fixture.server.baseUrl, path, { cookie, json, method });

beforeAll(async () => {
  const base = fixture.server.baseUrl;
  const company = await call(base, '/api/companies', {
    token: fixture.adminToken,
    json: { name: 'Ótica Central', slug: 'otica' },
  });
  const companyId = (company.body as Json).company.id;
  await call(base, '/api/users', {
    token: fixture.adminToken,
    json: {
      name: 'Pessoa',
      email: 'pessoa@otica.test',
      password: 'pessoa-password-1',
      role: 'requester',
      companyId,
    },
  });
  const requester = await call(base, '/api/auth/sign-in/email', {
    json: { email: 'pessoa@otica.test', password: 'pessoa-password-1' },
  });
  const opened = await call(base, '/api/tickets', {
    token: requester.headers.get('set-auth-token') ?? '',
    json: { subject: 'Sem relação com a máquina', description: 'x' },
  });
  requesterTicket = (opened.body as Json).ticket.id;

  const registered = await call(base, '/api/machines/register', {
    json: {
      enrollmentSecret: provisioningSecret,
      companySlug: 'otica',
      hostname: 'CAIXA-02',
      os: { name: 'Ubuntu', version: '24.04', arch: 'x64' },
      hardware: { machineId: '9f8e7d6c5b4a39281706f5e4d3c2b1a0', macs: [] },
      agentVersion: '0.1.0',
    },
  });
  machine = registered.body as typeof machine;
  await call(base, '/api/machines/heartbeat', {
    headers: bearer(),
    json: {
      metrics: {
        cpuPercent: 93,
        load: [3.5, 2.9, 2.1],
        memory: { usedBytes: 7_500_000_000, totalBytes: 8_000_000_000 },
        disks: [{ mount: '/', usedBytes: 118_000_000_000, totalBytes: 120_000_000_000 }],
        uptimeSeconds: 3600,
      },
      loggedInUser: 'caixa',
      agentVersion: '0.1.0',
    },
  });
  await fixture.server.runtime.machines.heartbeats.flush();
});

describe('machine sessions', () => {
  it('give a session cookie and a single-use login code', async () => {
    const response = await call(fixture.server.baseUrl, '/api/machines/sessions', {
      headers: bearer(),
      method: 'POST',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      loginUrl: expect.stringMatching(/^http:\/\/chamados\.test\/machine-login\?code=[\w-]{43}$/),
      loginCode: expect.stringMatching(/^[\w-]{43}$/),
      loginCodeExpiresAt: expect.any(String),
      sessionExpiresAt: expect.any(String),
    });
    cookie = response.headers.getSetCookie()[0]?.split(';', 1)[0] ?? '';
    expect(cookie).toMatch(/^chamados\.session_token=/);

    const code = (response.body as Json).loginCode;
    const login = await call(fixture.server.baseUrl, `/machine-login?code=${code}`);
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/tickets/new');
    expect(login.headers.getSetCookie()[0]).toMatch(/^chamados\.session_token=/);

    const again = await call(fixture.server.baseUrl, `/machine-login?code=${code}`);
    expect(again.headers.get('location')).toBe('/sign-in?machineLogin=expired');
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it('open tickets linked to the machine, with its context kept for technicians', async () => {
    const opened = await asMachine('/api/tickets', {
      subject: 'O caixa está muito lento',
      description: 'Trava ao emitir nota.',
    });
    expect(opened.status).toBe(201);
    const ticket = (opened.body as Json).ticket;
    expect(ticket.machineId).toBe(machine.machineId);
    expect(ticket.requester.name).toBe('CAIXA-02');
    // The machine session itself is not shown the staff's snapshot.
    expect(ticket.machineContext).toBeNull();

    const staffView = await call(fixture.server.baseUrl, `/api/tickets/${ticket.id}`, {
      token: fixture.adminToken,
    });
    expect((staffView.body as Json).ticket.machineContext).toMatchObject({
      hostname: 'CAIXA-02',
      status: 'online',
      os: 'Ubuntu 24.04',
      cpuPercent: 93,
      loggedInUser: 'caixa',
      disks: [{ mount: '/', freeBytes: 2_000_000_000, totalBytes: 120_000_000_000 }],
    });

    const reply = await asMachine(`/api/tickets/${ticket.id}/comments`, { body: 'Ainda lento' });
    expect(reply.status).toBe(201);
    const list = await asMachine('/api/tickets');
    expect((list.body as Json).tickets.map((t: Json) => t.id)).toEqual([ticket.id]);
  });

  const forbidden = {
    error: { code: 'forbidden', message: 'A machine session only reaches its own tickets' },
  };

  it.each([
    { name: "another requester's ticket", path: () => `/api/tickets/${requesterTicket}` },
    { name: 'a malformed ticket id', path: () => '/api/tickets/not-a-uuid' },
    { name: 'the company list', path: () => '/api/companies' },
    { name: 'the machine list', path: () => '/api/machines' },
    { name: 'the queues', path: () => '/api/queues' },
  ])('refuse $name with 403', async ({ path }) => {
    const response = await asMachine(path());
    expect(response.status).toBe(403);
    expect(response.body).toEqual(forbidden);
  });

  it('refuse changes to a ticket with 403', async () => {
    const response = await asMachine(
      `/api/tickets/${requesterTicket}`,
      { status: 'open' },
      'PATCH',
    );
    expect(response.status).toBe(403);
  });
});
