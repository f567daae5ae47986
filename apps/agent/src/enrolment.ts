import { inventoryHash } from '@chamados/core/machines/inventory-hash';
import { createClient, type RegisterRequest } from './client.ts';
import type { Inventory } from './inventory/types.ts';
import type { AgentState } from './state.ts';
import { agentVersion } from './version.ts';

/** What the server identifies the machine by, taken from its inventory. */
export function registrationOf(inventory: Inventory): Omit<RegisterRequest, 'enrollmentSecret'> {
  const { hardware, os } = inventory;
  // Virtual adapters (VPNs, bridges, containers) come and go; only physical ones identify.
  const macs = inventory.network
    .filter((item) => !item.virtual && item.mac)
    .map((item) => item.mac as string);
  return {
    hostname: inventory.hostname,
    os: {
      name: os.name,
      version: os.version ?? 'unknown',
      ...(os.build ? { build: os.build } : {}),
      arch: os.arch,
    },
    hardware: {
      ...(hardware.systemUuid ? { systemUuid: hardware.systemUuid } : {}),
      ...(hardware.serial ? { serial: hardware.serial } : {}),
      ...(os.machineId ? { machineId: os.machineId } : {}),
      macs: [...new Set(macs)],
    },
    agentVersion,
    inventory: { ...inventory },
  };
}

export interface EnrolOptions {
  serverUrl: string;
  enrollmentSecret: string;
  companySlug: string | null;
  /** Keep the secret in the state file so the agent can enrol again on its own. */
  keepSecret: boolean;
}

/**
 * Registers this machine with its full inventory and returns the state to save. Registering
 * hardware the server already knows gives the same machine a new token; nothing is duplicated.
 */
export async function enrol(options: EnrolOptions, inventory: Inventory): Promise<AgentState> {
  const registration = await createClient(options.serverUrl).register({
    ...registrationOf(inventory),
    enrollmentSecret: options.enrollmentSecret,
    ...(options.companySlug ? { companySlug: options.companySlug } : {}),
  });
  return {
    serverUrl: options.serverUrl,
    machineId: registration.machineId,
    machineToken: registration.machineToken,
    tokenExpiresAt: registration.expiresAt,
    heartbeatIntervalSeconds: registration.heartbeatIntervalSeconds,
    enrollmentSecret: options.keepSecret ? options.enrollmentSecret : '',
    companySlug: options.companySlug,
    enrolledAt: new Date().toISOString(),
    lastHeartbeatAt: null,
    inventoryHash: inventoryHash(inventory),
  };
}
