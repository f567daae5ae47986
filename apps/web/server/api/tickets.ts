import {
  addComment,
  commentInput,
  createTicket,
  createTicketInput,
  getTicket,
  listTickets,
  listTicketsQuery,
  updateTicket,
  updateTicketInput,
} from '@chamados/core';
import { kib } from '../http/body.ts';
import { queryObject, readJson, requireActor } from '../http/context.ts';
import type { Route } from '../http/router.ts';

// Room for a 20,000-character Markdown text in any script, JSON-escaped; the field's own
// limit then answers with a 400 naming it.
const bodyLimit = 128 * kib;

export const ticketRoutes: Route[] = [
  /** GET /api/tickets – the tickets the caller may see, filtered and paginated. */
  {
    method: 'GET',
    path: '/api/tickets',
    doc: {
      summary: 'List tickets',
      tag: 'Tickets',
      access: 'signed-in',
      query: listTicketsQuery,
      success: { status: 200, description: '{ tickets, page, pageSize, total }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx, { allowMachine: true });
      const page = await listTickets(ctx.runtime.database.db, actor, queryObject(ctx.url));
      return { status: 200, body: page };
    },
  },
  /** POST /api/tickets – open a ticket. */
  {
    method: 'POST',
    path: '/api/tickets',
    doc: {
      summary: 'Open a ticket',
      tag: 'Tickets',
      access: 'signed-in',
      body: createTicketInput,
      success: { status: 201, description: '{ ticket } with its timeline' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx, { allowMachine: true });
      const input = await readJson(ctx, bodyLimit);
      const ticket = await createTicket(ctx.runtime.database.db, actor, input);
      ctx.log.info(
        { event: 'ticket.created', ticketId: ticket.id, companyId: ticket.company.id },
        'ticket created',
      );
      return { status: 201, body: { ticket } };
    },
  },
  /** GET /api/tickets/:id – one ticket with its timeline. */
  {
    method: 'GET',
    path: '/api/tickets/:id',
    doc: {
      summary: 'Get a ticket',
      tag: 'Tickets',
      access: 'signed-in',
      success: { status: 200, description: '{ ticket } with its timeline' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx, { allowMachine: true });
      const ticket = await getTicket(ctx.runtime.database.db, actor, ctx.params.id ?? '');
      return { status: 200, body: { ticket } };
    },
  },
  /** PATCH /api/tickets/:id – change status, priority, assignee, queue or category (staff). */
  {
    method: 'PATCH',
    path: '/api/tickets/:id',
    doc: {
      summary: 'Change a ticket',
      tag: 'Tickets',
      access: 'staff',
      body: updateTicketInput,
      success: { status: 200, description: '{ ticket } after the change' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const input = await readJson(ctx, bodyLimit);
      const ticket = await updateTicket(ctx.runtime.database.db, actor, ctx.params.id ?? '', input);
      return { status: 200, body: { ticket } };
    },
  },
  /** POST /api/tickets/:id/comments – a public reply, or an internal note (staff). */
  {
    method: 'POST',
    path: '/api/tickets/:id/comments',
    doc: {
      summary: 'Reply to a ticket or add an internal note',
      tag: 'Tickets',
      access: 'signed-in',
      body: commentInput,
      success: { status: 201, description: '{ ticket } with the new entry in its timeline' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx, { allowMachine: true });
      const input = await readJson(ctx, bodyLimit);
      const ticket = await addComment(ctx.runtime.database.db, actor, ctx.params.id ?? '', input);
      return { status: 201, body: { ticket } };
    },
  },
];
