import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, isStaff, requireRole } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { type Queue, queueMembers, queues, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { publishEvent } from '../events/publish.ts';
import { fieldError, parseInput } from '../validation.ts';

export const createQueueInput = z.strictObject({
  name: z.string().trim().min(2).max(80),
  description: z.string().trim().max(500).default(''),
});

export const queueMembersInput = z.strictObject({
  userIds: z.array(z.string().min(1).max(64)).max(500),
});

export interface QueueWithMembers extends Queue {
  members: { id: string; name: string; role: string }[];
}

/** Queues with their members. Staff see them all; requesters see queue names only. */
export async function listQueues(db: Database, actor: Actor): Promise<QueueWithMembers[]> {
  const all = await db.select().from(queues).orderBy(asc(queues.name));
  if (!isStaff(actor)) return all.map((queue) => ({ ...queue, members: [] }));

  const members = await db
    .select({ queueId: queueMembers.queueId, id: users.id, name: users.name, role: users.role })
    .from(queueMembers)
    .innerJoin(users, eq(users.id, queueMembers.userId))
    .orderBy(asc(users.name));
  return all.map((queue) => ({
    ...queue,
    members: members
      .filter((member) => member.queueId === queue.id)
      .map(({ id, name, role }) => ({ id, name, role })),
  }));
}

export async function createQueue(db: Database, actor: Actor, input: unknown): Promise<Queue> {
  requireRole(actor, ['admin']);
  const data = parseInput(createQueueInput, input);
  try {
    const [queue] = await db.insert(queues).values(data).returning();
    if (!queue) throw new Error('insert returned no row');
    return queue;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `A queue named "${data.name}" already exists`);
    }
    throw error;
  }
}

/**
 * Replaces a queue's members: technicians and admins who work its tickets. Membership decides
 * what technicians see, so live pages are told to refresh.
 */
export async function setQueueMembers(
  db: Database,
  actor: Actor,
  queueId: string,
  input: unknown,
): Promise<QueueWithMembers> {
  requireRole(actor, ['admin']);
  const { userIds } = parseInput(queueMembersInput, input);
  const unique = [...new Set(userIds)];

  await db.transaction(async (tx) => {
    const [queue] = await tx.select().from(queues).where(eq(queues.id, queueId)).for('update');
    if (!queue) throw new AppError('not_found', 'Queue not found');
    if (unique.length > 0) {
      const staff = await tx
        .select({ id: users.id, role: users.role })
        .from(users)
        .where(inArray(users.id, unique));
      const valid = staff.filter((user) => user.role === 'admin' || user.role === 'technician');
      if (valid.length !== unique.length) {
        throw fieldError('userIds', 'every member must be a technician or an admin');
      }
    }
    await tx.delete(queueMembers).where(eq(queueMembers.queueId, queueId));
    if (unique.length > 0) {
      await tx.insert(queueMembers).values(unique.map((userId) => ({ queueId, userId })));
    }
    await publishEvent(tx, {
      type: 'queue.members_changed',
      companyId: null,
      queueId,
      requesterId: null,
      staffOnly: true,
      data: { queueId },
    });
  });

  const [updated] = (await listQueues(db, actor)).filter((queue) => queue.id === queueId);
  if (!updated) throw new AppError('not_found', 'Queue not found');
  return updated;
}
