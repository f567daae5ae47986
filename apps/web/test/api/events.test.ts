import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { setupApiServer } from '../../../../test/support/api-server.ts';
import { openEventStream } from '../../../../test/support/event-stream.ts';
import { type Cast, castHelpdesk } from '../../../../test/support/helpdesk-fixture.ts';

const fixture = setupApiServer({ signInAsAdmin: false });
let cast: Cast;

beforeAll(async () => {
  cast = await castHelpdesk(fixture.server);
});

const post = (token: string, path: string, json: unknown) =>
  call(fixture.server.baseUrl, path, { token, json });

/** A moment for events to travel: used only to show that something did NOT arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('GET /api/events', () => {
  it('delivers changes to those allowed to see them, and internal notes only to staff', async () => {
    const base = fixture.server.baseUrl;
    const technician = await openEventStream(base, cast.tokens.technician);
    const requester = await openEventStream(base, cast.tokens.requesterA);
    const stranger = await openEventStream(base, cast.tokens.requesterB);
    try {
      const opened = await post(cast.tokens.requesterA, '/api/tickets', {
        subject: 'Ao vivo',
        description: 'x',
      });
      const ticketId = (opened.body as { ticket: { id: string } }).ticket.id;

      await technician.waitFor((e) => e.type === 'ticket.created' && e.data.ticketId === ticketId);
      await requester.waitFor((e) => e.type === 'ticket.created' && e.data.ticketId === ticketId);

      await post(cast.tokens.technician, `/api/tickets/${ticketId}/comments`, {
        body: 'nota interna',
        internal: true,
      });
      await post(cast.tokens.technician, `/api/tickets/${ticketId}/comments`, {
        body: 'resposta pública',
      });

      const note = await technician.waitFor((e) => e.data.internal === true);
      expect(note).toMatchObject({ type: 'ticket.commented', data: { ticketId } });
      await requester.waitFor((e) => e.type === 'ticket.commented' && e.data.internal === false);
      await settle();

      expect(requester.received.some((e) => e.data.internal === true)).toBe(false);
      expect(stranger.received).toEqual([]);
      // The scope used for filtering never leaves the server.
      expect(JSON.stringify(requester.received)).not.toMatch(/companyId|queueId|requesterId/);
    } finally {
      for (const stream of [technician, requester, stranger]) stream.close();
    }
  });

  it('resumes from Last-Event-ID without losing what happened in between', async () => {
    const base = fixture.server.baseUrl;
    const first = await openEventStream(base, cast.tokens.requesterA);
    await post(cast.tokens.requesterA, '/api/tickets', { subject: 'Antes', description: 'x' });
    const seen = await first.waitFor((e) => e.type === 'ticket.created');
    first.close();

    // While disconnected:
    const missed = await post(cast.tokens.requesterA, '/api/tickets', {
      subject: 'Durante',
      description: 'x',
    });
    const missedId = (missed.body as { ticket: { id: string } }).ticket.id;

    const resumed = await openEventStream(base, cast.tokens.requesterA, seen.id);
    try {
      const replayed = await resumed.waitFor((e) => e.data.ticketId === missedId);
      expect(replayed.id).toBeGreaterThan(seen.id);
      expect(resumed.received.some((e) => e.id === seen.id)).toBe(false);
    } finally {
      resumed.close();
    }
  });

  it("tells a queue's technicians when a ticket leaves their queue", async () => {
    const opened = await post(cast.tokens.admin, '/api/tickets', {
      subject: 'Mudando de fila',
      description: 'x',
      requesterId: cast.ids.requesterA,
      queueId: cast.queueOther,
    });
    const ticketId = (opened.body as { ticket: { id: string } }).ticket.id;
    const outsider = await openEventStream(fixture.server.baseUrl, cast.tokens.outsider);
    try {
      await call(fixture.server.baseUrl, `/api/tickets/${ticketId}`, {
        token: cast.tokens.admin,
        method: 'PATCH',
        json: { queueId: cast.queueOwn },
      });
      const moved = await outsider.waitFor(
        (e) => e.type === 'ticket.updated' && e.data.ticketId === ticketId,
      );
      expect(moved).toMatchObject({ type: 'ticket.updated', data: { fields: ['queue'] } });
    } finally {
      outsider.close();
    }
  });

  it('refuses a stream without a session', async () => {
    const response = await call(fixture.server.baseUrl, '/api/events');
    expect(response.status).toBe(401);
  });
});
