import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { categories, companies, queues, type Ticket, tickets, users } from '../db/schema/index.ts';
import { type SlaClock, slaOf } from './sla.ts';

const requester = alias(users, 'requester');
const assignee = alias(users, 'assignee');

/** The columns every ticket listing and detail reads, with the names of what it links to. */
export const ticketSelection = {
  ticket: tickets,
  companyName: companies.name,
  requesterName: requester.name,
  requesterEmail: requester.email,
  assigneeName: assignee.name,
  queueName: queues.name,
  categoryName: categories.name,
};

/** `select … from tickets` joined to the names a ticket shows. */
export function selectTickets(db: Database) {
  return db
    .select(ticketSelection)
    .from(tickets)
    .innerJoin(companies, eq(companies.id, tickets.companyId))
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(queues, eq(queues.id, tickets.queueId))
    .leftJoin(categories, eq(categories.id, tickets.categoryId));
}

export interface TicketRow {
  ticket: Ticket;
  companyName: string;
  requesterName: string;
  requesterEmail: string;
  assigneeName: string | null;
  queueName: string | null;
  categoryName: string | null;
}

export interface Ref {
  id: string;
  name: string;
}

/** A ticket as lists and the API show it. */
export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  status: Ticket['status'];
  priority: Ticket['priority'];
  company: Ref;
  requester: Ref & { email: string };
  assignee: Ref | null;
  queue: Ref | null;
  category: Ref | null;
  machineId: string | null;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  sla: { firstResponse: SlaClock; resolution: SlaClock };
}

const ref = (id: string | null, name: string | null): Ref | null =>
  id && name !== null ? { id, name } : null;

export function toTicketSummary(row: TicketRow, now = new Date()): TicketSummary {
  const { ticket } = row;
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    company: { id: ticket.companyId, name: row.companyName },
    requester: { id: ticket.requesterId, name: row.requesterName, email: row.requesterEmail },
    assignee: ref(ticket.assigneeId, row.assigneeName),
    queue: ref(ticket.queueId, row.queueName),
    category: ref(ticket.categoryId, row.categoryName),
    machineId: ticket.machineId,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    firstResponseAt: ticket.firstResponseAt?.toISOString() ?? null,
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    closedAt: ticket.closedAt?.toISOString() ?? null,
    sla: slaOf(ticket, now),
  };
}
