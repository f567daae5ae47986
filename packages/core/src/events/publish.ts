import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { events } from '../db/schema/index.ts';

export const eventChannel = 'chamados_events';

/** What the stream needs to decide who may receive an event. */
export interface EventScope {
  companyId: string | null;
  queueId: string | null;
  requesterId: string | null;
  staffOnly: boolean;
}

export interface NewEvent extends EventScope {
  type: string;
  data: Record<string, unknown>;
}

export interface PublishedEvent extends NewEvent {
  id: number;
  createdAt: string;
}

/**
 * Records an event and announces it, inside the caller's transaction: NOTIFY is delivered only
 * when the transaction commits, so listeners never hear of a change that was rolled back.
 */
export async function publishEvent(tx: Database, event: NewEvent): Promise<void> {
  const [row] = await tx.insert(events).values(event).returning();
  if (!row) throw new Error('event insert returned no row');
  const published: PublishedEvent = {
    id: row.id,
    type: row.type,
    companyId: row.companyId,
    queueId: row.queueId,
    requesterId: row.requesterId,
    staffOnly: row.staffOnly,
    data: row.data as Record<string, unknown>,
    createdAt: row.createdAt.toISOString(),
  };
  await tx.execute(sql`select pg_notify(${eventChannel}, ${JSON.stringify(published)})`);
}
