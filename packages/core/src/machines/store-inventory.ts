import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { machineInventories, machineInventoryChanges, machines } from '../db/schema/index.ts';
import { publishEvent } from '../events/publish.ts';
import { parseInput } from '../validation.ts';
import { inventoryInput } from './heartbeat-schema.ts';
import { diffInventories } from './inventory-changes.ts';
import { inventoryHash } from './inventory-hash.ts';

/**
 * Stores a full inventory and what changed since the previous one, in one transaction (an
 * acknowledged inventory is never lost). An unchanged inventory only refreshes its timestamp
 * by adding a new snapshot row; the change log gets nothing.
 */
export async function storeInventory(db: Database, machineId: string, input: unknown) {
  const { inventory } = parseInput(inventoryInput, input);
  const hash = inventoryHash(inventory);

  return db.transaction(async (tx) => {
    const [machine] = await tx
      .select()
      .from(machines)
      .where(eq(machines.id, machineId))
      .for('update');
    if (!machine) throw new Error(`machine ${machineId} vanished`);
    const [previous] = await tx
      .select()
      .from(machineInventories)
      .where(eq(machineInventories.machineId, machineId))
      .orderBy(desc(machineInventories.receivedAt))
      .limit(1);

    const changes = previous
      ? diffInventories(previous.data as Record<string, unknown>, inventory)
      : [];
    const [stored] = await tx
      .insert(machineInventories)
      .values({ machineId, hash, data: inventory })
      .returning({ receivedAt: machineInventories.receivedAt });
    if (changes.length > 0) {
      await tx.insert(machineInventoryChanges).values(
        changes.map((change) => ({
          machineId,
          kind: change.kind,
          name: change.name.slice(0, 500),
          fromValue: change.from?.slice(0, 2_000) ?? null,
          toValue: change.to?.slice(0, 2_000) ?? null,
        })),
      );
      await publishEvent(tx, {
        type: 'machine.inventory_changed',
        companyId: machine.companyId,
        queueId: null,
        requesterId: null,
        staffOnly: true,
        data: { machineId, changes: changes.length },
      });
    }
    return { hash, receivedAt: stored?.receivedAt ?? new Date(), changes: changes.length };
  });
}
