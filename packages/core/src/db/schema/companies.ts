import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A company (empresa) is the tenant: requesters, and later tickets and machines, belong to one. */
export const companies = pgTable('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** The number the company's next ticket gets; taken under the row's lock. */
  nextTicketNumber: integer('next_ticket_number').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Company = typeof companies.$inferSelect;
