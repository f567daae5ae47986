import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { setupApiServer } from '../../../../test/support/api-server.ts';
import { type Cast, castHelpdesk } from '../../../../test/support/helpdesk-fixture.ts';

const fixture = setupApiServer({ signInAsAdmin: false });
let cast: Cast;

beforeAll(async () => {
  cast = await castHelpdesk(fixture.server);
});

// biome-ignore lint/suspicious/noExplicitAny: the tests read API bodies field by field
type Json = Record<string, any>;

const as = (who: keyof Cast['tokens']) => ({
  get: (path: string) => call(fixture.server.baseUrl, path, { token: cast.tokens[who] }),
  post: (path: string, json: unknown) =>
    call(fixture.server.baseUrl, path, { token: cast.tokens[who], json }),
  patch: (path: string, json: unknown) =>
    call(fixture.server.baseUrl, path, { token: cast.tokens[who], json, method: 'PATCH' }),
});

async function openTicket(subject = 'A impressora não imprime', extra: Json = {}) {
  const response = await as('requesterA').post('/api/tickets', {
    subject,
    description: 'Desde ontem a **impressora** do 2º andar não responde.',
    ...extra,
  });
  expect(response.status).toBe(201);
  return (response.body as Json).ticket as Json;
}

describe('a ticket from opening to closing', () => {
  it('numbers tickets per company, starting at 1', async () => {
    const first = await openTicket('Primeiro');
    const second = await openTicket('Segundo');
    expect(second.number).toBe(first.number + 1);

    const other = await as('requesterB').post('/api/tickets', {
      subject: 'Outra empresa',
      description: 'Texto',
    });
    expect((other.body as Json).ticket.number).toBe(1);
  });

  it('opens in the default queue with SLA due times from its priority', async () => {
    const ticket = await openTicket('Sem rede', { priority: 'high' });
    expect(ticket).toMatchObject({
      status: 'new',
      priority: 'high',
      queue: { id: cast.queueOwn, name: 'Geral' },
      company: { id: cast.companyA, name: 'Empresa A' },
      requester: { id: cast.ids.requesterA },
      assignee: null,
      sla: { firstResponse: { state: 'ok' }, resolution: { state: 'ok' } },
    });
    const created = Date.parse(ticket.createdAt);
    expect(Date.parse(ticket.sla.firstResponse.dueAt) - created).toBe(60 * 60_000);
    expect(Date.parse(ticket.sla.resolution.dueAt) - created).toBe(480 * 60_000);
    expect(ticket.descriptionHtml).toBe(
      '<p>Desde ontem a <strong>impressora</strong> do 2º andar não responde.</p>\n',
    );
  });

  it('goes through replies, notes, status changes and the timeline', async () => {
    const ticket = await openTicket('Fluxo completo');
    const path = `/api/tickets/${ticket.id}`;

    const assigned = await as('technician').patch(path, { assigneeId: cast.ids.technician });
    expect(assigned.status).toBe(200);

    const reply = await as('technician').post(`${path}/comments`, { body: 'Estou verificando.' });
    expect(reply.status).toBe(201);
    expect((reply.body as Json).ticket).toMatchObject({ status: 'open' });
    expect((reply.body as Json).ticket.firstResponseAt).not.toBeNull();

    const note = await as('technician').post(`${path}/comments`, {
      body: 'Toner acabou — cobrar o fornecedor.',
      internal: true,
    });
    expect(note.status).toBe(201);

    const pending = await as('technician').patch(path, { status: 'pending' });
    expect((pending.body as Json).ticket.sla.resolution.state).toBe('paused');

    // The requester's reply takes it back to open.
    const answer = await as('requesterA').post(`${path}/comments`, { body: 'Obrigado!' });
    expect((answer.body as Json).ticket.status).toBe('open');

    const resolved = await as('technician').patch(path, { status: 'resolved' });
    expect((resolved.body as Json).ticket.resolvedAt).not.toBeNull();

    const staffView = (await as('technician').get(path)).body as Json;
    expect(staffView.ticket.timeline.map((entry: Json) => entry.field ?? entry.kind)).toEqual([
      'created',
      'assignee',
      'comment',
      'status',
      'comment',
      'status',
      'comment',
      'status',
      'status',
    ]);

    // The requester never sees the note, nor who it was assigned to.
    const requesterView = (await as('requesterA').get(path)).body as Json;
    const text = JSON.stringify(requesterView);
    expect(text).not.toContain('Toner acabou');
    expect(requesterView.ticket.timeline.some((entry: Json) => entry.internal)).toBe(false);
    expect(requesterView.ticket.timeline.some((entry: Json) => entry.field === 'assignee')).toBe(
      false,
    );

    const closed = await as('technician').patch(path, { status: 'closed' });
    expect(closed.status).toBe(200);
    const late = await as('requesterA').post(`${path}/comments`, { body: 'Mais uma coisa' });
    expect(late.status).toBe(409);
    expect(late.body).toEqual({
      error: { code: 'conflict', message: 'This ticket is closed and takes no more replies' },
    });
  });

  it('refuses an invalid status change with 409 naming the allowed ones', async () => {
    const ticket = await openTicket('Transição');
    const path = `/api/tickets/${ticket.id}`;
    await as('technician').patch(path, { status: 'closed' });
    const response = await as('technician').patch(path, { status: 'open' });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: {
        code: 'conflict',
        message: 'Cannot change status from closed to open; allowed: none (closed is final)',
        details: { from: 'closed', to: 'open', allowed: [] },
      },
    });
  });

  it('renders HTML and scripts in Markdown inert', async () => {
    const ticket = await openTicket('XSS', {
      description:
        '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    expect(ticket.descriptionHtml).not.toMatch(/<script|<img|href="javascript:/);
    expect(ticket.descriptionHtml).toContain('&lt;script&gt;');
  });
});

describe('bad input on tickets', () => {
  const cases: { name: string; body: Json; status: number; error: Json }[] = [
    {
      name: 'a subject over 200 characters',
      body: { subject: 'x'.repeat(201), description: 'ok' },
      status: 400,
      error: {
        code: 'validation_failed',
        details: [{ path: 'subject', message: 'must have at most 200 characters' }],
      },
    },
    {
      name: 'a description over 20,000 characters',
      body: { subject: 'Longo', description: 'x'.repeat(20_001) },
      status: 400,
      error: {
        code: 'validation_failed',
        details: [{ path: 'description', message: 'must have at most 20000 characters' }],
      },
    },
    {
      name: 'a body over 128 KiB',
      body: { subject: 'Enorme', description: 'x'.repeat(140_000) },
      status: 413,
      error: { code: 'payload_too_large' },
    },
    {
      name: 'a requester choosing the queue',
      body: { subject: 'Fila', description: 'x', queueId: '00000000-0000-4000-8000-000000000000' },
      status: 403,
      error: { code: 'forbidden', message: 'Only staff may set queueId' },
    },
  ];

  it.each(cases)('answers $name with $status', async ({ body, status, error }) => {
    const response = await as('requesterA').post('/api/tickets', body);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error });
  });

  it('answers an oversized reply with 400 naming the field', async () => {
    const ticket = await openTicket('Resposta longa');
    const response = await as('requesterA').post(`/api/tickets/${ticket.id}/comments`, {
      body: 'y'.repeat(20_001),
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { details: [{ path: 'body', message: 'must have at most 20000 characters' }] },
    });
  });

  it('answers an unknown ticket and a malformed id with 404', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await as('admin').get(`/api/tickets/${id}`);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: { code: 'not_found', message: 'Ticket not found' } });
    }
  });

  it('refuses internal notes from a requester', async () => {
    const ticket = await openTicket('Nota');
    const response = await as('requesterA').post(`/api/tickets/${ticket.id}/comments`, {
      body: 'segredo',
      internal: true,
    });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      error: { code: 'forbidden', message: 'Only staff may write internal notes' },
    });
  });
});

describe('listing tickets', () => {
  it('filters, searches replies, sorts and paginates', async () => {
    const urgent = await openTicket('Servidor fora do ar', { priority: 'urgent' });
    await as('technician').post(`/api/tickets/${urgent.id}/comments`, {
      body: 'Reiniciando o hipervisor agora',
    });
    await as('technician').post(`/api/tickets/${urgent.id}/comments`, {
      body: 'palavrasecreta só na nota',
      internal: true,
    });

    const byPriority = (await as('technician').get('/api/tickets?priority=urgent')).body as Json;
    expect(byPriority.tickets.map((t: Json) => t.id)).toContain(urgent.id);
    expect(byPriority.tickets.every((t: Json) => t.priority === 'urgent')).toBe(true);

    const byReply = (await as('technician').get('/api/tickets?q=hipervisor')).body as Json;
    expect(byReply.tickets.map((t: Json) => t.id)).toEqual([urgent.id]);

    // Internal notes are never searched, so a search cannot reveal them.
    const byNote = (await as('admin').get('/api/tickets?q=palavrasecreta')).body as Json;
    expect(byNote.total).toBe(0);

    const byNumber = (
      await as('admin').get(`/api/tickets?q=%23${urgent.number}&companyId=${cast.companyA}`)
    ).body as Json;
    expect(byNumber.tickets.map((t: Json) => t.id)).toEqual([urgent.id]);

    const page = (await as('admin').get('/api/tickets?pageSize=2&page=2&sort=number&order=asc'))
      .body as Json;
    expect(page.tickets).toHaveLength(2);
    expect(page.page).toBe(2);
    expect(page.total).toBeGreaterThan(4);

    const invalid = await as('admin').get('/api/tickets?status=bogus');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
