import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { ChangeRow, CommentRow, TicketRow } from './seed-timeline.ts';

// Bulk inserts for the seed: thousands of rows per statement, sent as one JSON parameter and
// unpacked by PostgreSQL, instead of one round trip (or one service call) per row.

/** Rows per INSERT: large enough to amortise round trips, small enough to keep memory flat. */
export const batchSize = 5_000;

export type Db = pg.PoolClient;

/** Inserts `rows` (objects keyed by column) into `table`, with each column's SQL type. */
export async function insertRows(
  db: Db,
  table: string,
  columns: Record<string, string>,
  rows: object[],
): Promise<void> {
  const names = Object.keys(columns);
  const definitions = names.map((name) => `${name} ${columns[name]}`).join(', ');
  for (let start = 0; start < rows.length; start += batchSize) {
    const chunk = rows.slice(start, start + batchSize);
    await db.query(
      `insert into ${table} (${names.join(', ')})
       select ${names.join(', ')} from jsonb_to_recordset($1::jsonb) as r(${definitions})`,
      [JSON.stringify(chunk)],
    );
  }
}

export const ticketColumns = {
  id: 'uuid',
  company_id: 'uuid',
  number: 'integer',
  subject: 'text',
  description: 'text',
  status: 'text',
  priority: 'text',
  category_id: 'uuid',
  queue_id: 'uuid',
  requester_id: 'text',
  assignee_id: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  first_response_at: 'timestamptz',
  resolved_at: 'timestamptz',
  closed_at: 'timestamptz',
  first_response_due_at: 'timestamptz',
  resolution_due_at: 'timestamptz',
  sla_paused_ms: 'bigint',
  sla_paused_since: 'timestamptz',
} satisfies Record<keyof TicketRow, string>;

export const commentColumns = {
  ticket_id: 'uuid',
  author_id: 'text',
  body: 'text',
  internal: 'boolean',
  created_at: 'timestamptz',
} satisfies Record<keyof CommentRow, string>;

export const changeColumns = {
  ticket_id: 'uuid',
  actor_id: 'text',
  field: 'text',
  from_value: 'text',
  to_value: 'text',
  created_at: 'timestamptz',
} satisfies Record<keyof ChangeRow, string>;

export const userColumns = {
  id: 'text',
  name: 'text',
  email: 'text',
  email_verified: 'boolean',
  role: 'text',
  company_id: 'uuid',
  is_company_manager: 'boolean',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

export interface UserRow {
  id: string;
  name: string;
  email: string;
  email_verified: boolean;
  role: 'admin' | 'technician' | 'requester';
  company_id: string | null;
  is_company_manager: boolean;
  created_at: string;
  updated_at: string;
}

export function user(
  name: string,
  email: string,
  role: UserRow['role'],
  createdAt: string,
  companyId: string | null = null,
): UserRow {
  return {
    id: randomUUID(),
    name,
    email,
    email_verified: true,
    role,
    company_id: companyId,
    is_company_manager: false,
    created_at: createdAt,
    updated_at: createdAt,
  };
}
