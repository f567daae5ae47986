import { z } from 'zod';
import { ticketPriorities, ticketStatuses } from '../db/schema/index.ts';

export const ticketLimits = { subject: 200, body: 20_000 } as const;

const subject = z
  .string()
  .trim()
  .min(3, 'must have at least 3 characters')
  .max(ticketLimits.subject, `must have at most ${ticketLimits.subject} characters`)
  .describe('One line saying what is wrong');
const markdown = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(ticketLimits.body, `must have at most ${ticketLimits.body} characters`)
  .describe('Markdown; raw HTML is shown as text');

export const createTicketInput = z.strictObject({
  subject,
  description: markdown,
  priority: z.enum(ticketPriorities).default('medium'),
  categoryId: z.uuid().optional(),
  queueId: z.uuid().optional().describe('Staff only; the default queue otherwise'),
  companyId: z.uuid().optional().describe('Staff opening a ticket for a company'),
  requesterId: z.string().min(1).max(64).optional().describe('Staff opening on behalf of someone'),
});

export const updateTicketInput = z
  .strictObject({
    status: z.enum(ticketStatuses).optional(),
    priority: z.enum(ticketPriorities).optional(),
    assigneeId: z.string().min(1).max(64).nullable().optional(),
    queueId: z.uuid().optional(),
    categoryId: z.uuid().nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'give at least one field to change');

export const commentInput = z.strictObject({
  body: markdown,
  internal: z.boolean().default(false).describe('An internal note, seen only by staff'),
});

const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(z.enum(values)).max(values.length).optional(),
  );

export const ticketSorts = ['updated', 'created', 'priority', 'due', 'number'] as const;

export const listTicketsQuery = z.strictObject({
  status: listOf(ticketStatuses),
  priority: listOf(ticketPriorities),
  queueId: z.uuid().optional(),
  companyId: z.uuid().optional(),
  machineId: z.uuid().optional(),
  assigneeId: z.union([z.literal('me'), z.literal('none'), z.string().min(1).max(64)]).optional(),
  requesterId: z.union([z.literal('me'), z.string().min(1).max(64)]).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(ticketSorts).default('updated'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;
