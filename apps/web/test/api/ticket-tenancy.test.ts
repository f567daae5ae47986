import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { setupApiServer } from '../../../../test/support/api-server.ts';
import { type Cast, castHelpdesk } from '../../../../test/support/helpdesk-fixture.ts';

// Every ticket route × every role × own / other company (and own / other queue for staff).
// Ticket "own" belongs to RequesterA of company A, in the technician's queue; ticket
// "otherQueue" is RequesterA's too but in a queue only the outsider technician works.

const fixture = setupApiServer({ signInAsAdmin: false });
let cast: Cast;
const tickets = { own: '', otherQueue: '' };

type Caller = keyof Cast['tokens'] | 'anonymous';

beforeAll(async () => {
  cast = await castHelpdesk(fixture.server);
  const open = async (token: string, json: unknown) => {
    const response = await call(fixture.server.baseUrl, '/api/tickets', { token, json });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return (response.body as { ticket: { id: string } }).ticket.id;
  };
  tickets.own = await open(cast.tokens.requesterA, { subject: 'Own', description: 'x' });
  tickets.otherQueue = await open(cast.tokens.admin, {
    subject: 'Other queue',
    description: 'x',
    requesterId: cast.ids.requesterA,
    queueId: cast.queueOther,
  });
});

const request = (caller: Caller, path: string, json?: unknown, method?: string) =>
  call(fixture.server.baseUrl, path, {
    token: caller === 'anonymous' ? undefined : cast.tokens[caller],
    json,
    method,
  });

const callers: Caller[] = [
  'anonymous',
  'admin',
  'technician',
  'outsider',
  'requesterA',
  'requesterA2',
  'managerA',
  'requesterB',
];

// What each caller gets on each ticket: status of GET, PATCH and POST comments.
const matrix: Record<Caller, Record<keyof typeof tickets, [number, number, number]>> = {
  anonymous: { own: [401, 401, 401], otherQueue: [401, 401, 401] },
  admin: { own: [200, 200, 201], otherQueue: [200, 200, 201] },
  technician: { own: [200, 200, 201], otherQueue: [404, 404, 404] },
  outsider: { own: [404, 404, 404], otherQueue: [200, 200, 201] },
  requesterA: { own: [200, 403, 201], otherQueue: [200, 403, 201] },
  requesterA2: { own: [404, 403, 404], otherQueue: [404, 403, 404] },
  managerA: { own: [200, 403, 201], otherQueue: [200, 403, 201] },
  requesterB: { own: [404, 403, 404], otherQueue: [404, 403, 404] },
};

const cases = callers.flatMap((caller) =>
  (['own', 'otherQueue'] as const).map((ticket) => ({ caller, ticket })),
);

describe('ticket tenancy matrix', () => {
  it.each(cases)('$caller on the $ticket ticket', async ({ caller, ticket }) => {
    const [getStatus, patchStatus, commentStatus] = matrix[caller][ticket];
    const path = `/api/tickets/${tickets[ticket]}`;

    const got = await request(caller, path);
    expect(got.status).toBe(getStatus);
    const patched = await request(caller, path, { priority: 'high' }, 'PATCH');
    expect(patched.status).toBe(patchStatus);
    const commented = await request(caller, `${path}/comments`, { body: `from ${caller}` });
    expect(commented.status).toBe(commentStatus);

    for (const response of [got, patched, commented]) {
      if (response.status === 404) {
        expect(response.body).toEqual({
          error: { code: 'not_found', message: 'Ticket not found' },
        });
      }
    }
  });

  const visible: Record<Caller, (keyof typeof tickets)[] | null> = {
    anonymous: null,
    admin: ['own', 'otherQueue'],
    technician: ['own'],
    outsider: ['otherQueue'],
    requesterA: ['own', 'otherQueue'],
    requesterA2: [],
    managerA: ['own', 'otherQueue'],
    requesterB: [],
  };

  it.each(callers)('GET /api/tickets as %s lists exactly what they may see', async (caller) => {
    const response = await request(caller, '/api/tickets?pageSize=100');
    const expected = visible[caller];
    if (!expected) {
      expect(response.status).toBe(401);
      return;
    }
    expect(response.status).toBe(200);
    const ids = (response.body as { tickets: { id: string }[] }).tickets.map((t) => t.id);
    const ours = ids.filter((id) => id === tickets.own || id === tickets.otherQueue);
    expect(ours.sort()).toEqual(expected.map((key) => tickets[key]).sort());
  });

  it.each([
    { caller: 'anonymous' as const, body: {}, status: 401 },
    { caller: 'requesterB' as const, body: {}, status: 201 },
    { caller: 'technician' as const, body: { requesterId: 'requesterA' }, status: 201 },
    { caller: 'outsider' as const, body: { requesterId: 'requesterA' }, status: 400 },
    { caller: 'admin' as const, body: { requesterId: 'requesterB' }, status: 201 },
    { caller: 'technician' as const, body: {}, status: 400 },
  ])('POST /api/tickets as $caller → $status', async ({ caller, body, status }) => {
    const requesterId =
      'requesterId' in body ? cast.ids[body.requesterId as keyof Cast['ids']] : undefined;
    const response = await request(caller, '/api/tickets', {
      subject: `Opened by ${caller}`,
      description: 'x',
      ...(requesterId ? { requesterId } : {}),
    });
    expect(response.status).toBe(status);
  });
});
