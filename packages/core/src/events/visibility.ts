import { type Actor, isStaff } from '../auth/actor.ts';
import type { PublishedEvent } from './publish.ts';

/**
 * Whether a live event may reach this actor: the same rules as the ticket queries. Technicians
 * pass the queues they work (`queueIds`).
 */
export function canReceive(actor: Actor, event: PublishedEvent, queueIds: readonly string[]) {
  if (event.staffOnly && !isStaff(actor)) return false;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'technician':
      if (event.type.startsWith('queue.')) return true;
      return event.queueId !== null && queueIds.includes(event.queueId);
    case 'machine':
      // The tickets a machine session opened name its machine user as their requester.
      return event.requesterId === actor.userId;
    case 'requester':
      if (event.requesterId === actor.userId) return true;
      return Boolean(
        actor.isCompanyManager && actor.companyId && event.companyId === actor.companyId,
      );
    default:
      return false;
  }
}
