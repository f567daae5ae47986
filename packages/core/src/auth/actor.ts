import type { Role } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

/** Who is asking: every service that touches tenant data takes one. */
export interface Actor {
  userId: string;
  role: Role;
  /** The requester's or machine's company; null for staff, who work across companies. */
  companyId: string | null;
  /** A requester who may see every ticket of their company, not only their own. */
  isCompanyManager?: boolean;
  /** For a machine session: the machine it speaks for. */
  machineId?: string;
}

export const staffRoles: readonly Role[] = ['admin', 'technician'];

export function isStaff(actor: Actor): boolean {
  return staffRoles.includes(actor.role);
}

/** Throws `forbidden` unless the actor has one of `allowed`. */
export function requireRole(actor: Actor, allowed: readonly Role[]): void {
  if (!allowed.includes(actor.role)) {
    throw new AppError('forbidden', 'You do not have permission to do this');
  }
}
