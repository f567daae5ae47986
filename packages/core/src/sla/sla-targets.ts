import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, requireRole } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { type SlaTarget, slaTargets, ticketPriorities } from '../db/schema/index.ts';
import { parseInput } from '../validation.ts';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 365);

export const updateSlaTargetsInput = z.strictObject({
  targets: z
    .array(
      z
        .strictObject({
          priority: z.enum(ticketPriorities),
          firstResponseMinutes: minutes,
          resolutionMinutes: minutes,
        })
        .refine((target) => target.firstResponseMinutes <= target.resolutionMinutes, {
          message: 'the first response cannot be due after the resolution',
          path: ['firstResponseMinutes'],
        }),
    )
    .min(1)
    .max(ticketPriorities.length),
});

const priorityOrder = sql`case ${slaTargets.priority}
  when 'urgent' then 1 when 'high' then 2 when 'medium' then 3 else 4 end`;

export function listSlaTargets(db: Database): Promise<SlaTarget[]> {
  return db.select().from(slaTargets).orderBy(asc(priorityOrder));
}

/** Sets targets per priority. They apply to tickets opened or re-prioritised from now on. */
export async function updateSlaTargets(
  db: Database,
  actor: Actor,
  input: unknown,
): Promise<SlaTarget[]> {
  requireRole(actor, ['admin']);
  const { targets } = parseInput(updateSlaTargetsInput, input);
  await db.transaction(async (tx) => {
    for (const target of targets) {
      await tx
        .update(slaTargets)
        .set({
          firstResponseMinutes: target.firstResponseMinutes,
          resolutionMinutes: target.resolutionMinutes,
        })
        .where(eq(slaTargets.priority, target.priority));
    }
  });
  return listSlaTargets(db);
}
