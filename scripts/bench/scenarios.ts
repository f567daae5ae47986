import { type Actor, type Database, getTicket, listTickets } from '@chamados/core';
import type { SeedResult } from './seed.ts';
import { pick, type Random } from './seed-text.ts';

export type BenchRole = 'admin' | 'technician' | 'requester';

export interface Scenario {
  key: string;
  /** What is requested, for the report. */
  title: string;
  as: BenchRole;
  kind: 'list' | 'detail';
  /** The next request's path: a fixed list page, or a random ticket. */
  nextPath: () => string;
  /** The same call on the service, whose queries are explained. */
  serviceCall: (db: Database, actor: Actor) => Promise<unknown>;
  /** Printed with its full query plans. */
  main: boolean;
}

/** First-page latency the benchmark reports against, in milliseconds (p95). */
export const targetP95Ms = 100;

/** The actors the services see for the three accounts the seed gave a password. */
export function actorsOf(seed: SeedResult): Record<BenchRole, Actor> {
  const { admin, technician, requester } = seed.accounts;
  return {
    admin: { userId: admin.id, role: 'admin', companyId: null },
    technician: { userId: technician.id, role: 'technician', companyId: null },
    requester: { userId: requester.id, role: 'requester', companyId: requester.companyId },
  };
}

function listScenario(
  key: string,
  as: BenchRole,
  query: Record<string, string>,
  main = false,
): Scenario {
  const params = new URLSearchParams({ ...query, pageSize: '25' });
  const path = `/api/tickets?${params.toString().replaceAll('%2C', ',')}`;
  return {
    key,
    title: `GET ${path}`,
    as,
    kind: 'list',
    nextPath: () => path,
    // The handler hands the service the query string as an object; so does this.
    serviceCall: (db, actor) => listTickets(db, actor, Object.fromEntries(params)),
    main,
  };
}

/** The requests measured: the lists people open most, and ticket pages. */
export function scenariosFor(seed: SeedResult, ticketIds: string[], random: Random): Scenario[] {
  const [queueId] = seed.accounts.technician.queueIds;
  const [firstId] = ticketIds;
  if (!queueId || !firstId) throw new Error('the seed left no queue or ticket to benchmark');
  const { common, rare } = seed.searchWords;

  return [
    listScenario('open-first-page', 'admin', { status: 'new,open' }, true),
    listScenario('my-queue', 'technician', { queueId, assigneeId: 'me' }),
    listScenario('search-common', 'admin', { q: common }),
    listScenario('search-rare', 'admin', { q: rare }),
    listScenario('due-soonest', 'admin', { status: 'new,open,pending', sort: 'due', order: 'asc' }),
    listScenario('requester-own', 'requester', {}),
    {
      key: 'ticket-detail',
      title: 'GET /api/tickets/{random id}',
      as: 'admin',
      kind: 'detail',
      nextPath: () => `/api/tickets/${pick(random, ticketIds)}`,
      serviceCall: (db, actor) => getTicket(db, actor, firstId),
      main: true,
    },
  ];
}
