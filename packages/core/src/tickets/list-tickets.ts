import { and, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { ticketComments, tickets } from '../db/schema/index.ts';
import { parseInput } from '../validation.ts';
import { selectTickets, type TicketSummary, toTicketSummary } from './present.ts';
import { type ListTicketsQuery, listTicketsQuery } from './schemas.ts';
import { visibleTickets } from './scope.ts';

export interface TicketPage {
  tickets: TicketSummary[];
  page: number;
  pageSize: number;
  total: number;
}

const priorityRank = sql`case ${tickets.priority}
  when 'urgent' then 4 when 'high' then 3 when 'medium' then 2 else 1 end`;

const sortColumns = {
  updated: tickets.updatedAt,
  created: tickets.createdAt,
  priority: priorityRank,
  due: tickets.resolutionDueAt,
  number: tickets.number,
} as const;

/**
 * Text search over subject, description and public replies (internal notes are never
 * searched, so a search cannot reveal what a note says). `#1042` or `1042` also finds the
 * ticket with that number.
 *
 * Two shapes of the same condition: the page reads tickets in sort order and checks each one
 * (`or exists`), which stops after a page; the count must visit every match, and there a set of
 * ids from the two text-search indexes is far cheaper than checking every ticket (measured on
 * 100,000 tickets: 1.5 s → 60 ms).
 */
function textFilter(q: string, forCount: boolean): SQL {
  const query = sql`plainto_tsquery('simple', ${q})`;
  const ticketText = sql`to_tsvector('simple',
    ${tickets.subject} || ' ' || ${tickets.description})`;
  const replyText = sql`to_tsvector('simple', ${ticketComments.body})`;
  const number = /^#?(\d{1,9})$/.exec(q)?.[1];

  if (forCount) {
    const byNumber = number
      ? sql` union all
          select ${tickets.id} from ${tickets} where ${tickets.number} = ${Number(number)}`
      : sql``;
    return sql`${tickets.id} in (
      select ${tickets.id} from ${tickets} where ${ticketText} @@ ${query}
      union all
      select ${ticketComments.ticketId} from ${ticketComments}
        where ${ticketComments.internal} = false and ${replyText} @@ ${query}${byNumber})`;
  }

  const inReplies = sql`exists (select 1 from ${ticketComments}
    where ${ticketComments.ticketId} = ${tickets.id}
      and ${ticketComments.internal} = false
      and ${replyText} @@ ${query})`;
  const byNumber = number ? sql` or ${tickets.number} = ${Number(number)}` : sql``;
  return sql`(${ticketText} @@ ${query} or ${inReplies}${byNumber})`;
}

function filtersOf(query: ListTicketsQuery, actor: Actor, forCount: boolean): SQL[] {
  const filters: SQL[] = [];
  if (query.status?.length) filters.push(inArray(tickets.status, query.status));
  if (query.priority?.length) filters.push(inArray(tickets.priority, query.priority));
  if (query.queueId) filters.push(eq(tickets.queueId, query.queueId));
  if (query.companyId) filters.push(eq(tickets.companyId, query.companyId));
  if (query.machineId) filters.push(eq(tickets.machineId, query.machineId));
  if (query.assigneeId === 'none') filters.push(isNull(tickets.assigneeId));
  else if (query.assigneeId) {
    const assignee = query.assigneeId === 'me' ? actor.userId : query.assigneeId;
    filters.push(eq(tickets.assigneeId, assignee));
  }
  if (query.requesterId) {
    const requester = query.requesterId === 'me' ? actor.userId : query.requesterId;
    filters.push(eq(tickets.requesterId, requester));
  }
  if (query.q) filters.push(textFilter(query.q, forCount));
  return filters;
}

/** One page of the tickets the actor may see, filtered, sorted, with the total count. */
export async function listTickets(
  db: Database,
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<TicketPage> {
  const query = parseInput(listTicketsQuery, input);
  const scope = await visibleTickets(db, actor);
  const where = and(scope, ...filtersOf(query, actor, false));

  const column = sortColumns[query.sort];
  const direction = query.order === 'asc' ? sql`asc` : sql`desc`;
  const rows = await selectTickets(db)
    .where(where)
    .orderBy(sql`${column} ${direction}`, sql`${tickets.id} ${direction}`)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const countWhere = query.q ? and(scope, ...filtersOf(query, actor, true)) : where;
  const [total] = await db.select({ n: count() }).from(tickets).where(countWhere);

  return {
    tickets: rows.map((row) => toTicketSummary(row, now)),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.n ?? 0,
  };
}
