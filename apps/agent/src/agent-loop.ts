import { setTimeout as sleep } from 'node:timers/promises';
import { inventoryHash } from '@chamados/core/machines/inventory-hash';
import { backoffDelay, jittered } from './backoff.ts';
import { createClient, UnauthorizedError, UnreachableError } from './client.ts';
import { enrol } from './enrolment.ts';
import { collectInventory, loggedInUsers } from './inventory/collect.ts';
import type { Inventory } from './inventory/types.ts';
import { localSocketPath, startLocalService } from './local-service.ts';
import type { AgentLogger } from './log.ts';
import { createMetricsSampler } from './metrics.ts';
import { type AgentState, readState, requireState, writeState } from './state.ts';
import { agentVersion } from './version.ts';

/** A changed machine (new software, a new disk) is noticed within this long. */
const inventoryRefreshMs = 30 * 60_000;
/** Who is logged in is looked up again this often for the heartbeat (Windows asks PowerShell). */
const usersRefreshMs = 5 * 60_000;
/** After a refusal the agent cannot fix by itself, it asks again this rarely. */
const refusedRetryMs = 15 * 60_000;

export interface LoopOptions {
  stateFile: string;
  log: AgentLogger;
  signal: AbortSignal;
  /** Overrides the server's heartbeat interval (troubleshooting and tests). */
  intervalSeconds?: number;
}

/**
 * The service: a heartbeat at the interval the server gives (±10 %), the inventory's hash with
 * each, the full inventory when the server asks for it. Unreachable server → exponential
 * backoff with jitter up to 5 min. Refused token → one re-enrolment with the stored secret,
 * else a clear log line and a retry every 15 min. Returns when `signal` aborts.
 */
export async function runAgentLoop(options: LoopOptions): Promise<void> {
  const { log, signal, stateFile } = options;
  let state = requireState(stateFile);
  const sample = createMetricsSampler();
  let inventory: Inventory | null = null;
  let collectedAt = 0;
  let user: { name: string | null; at: number } = { name: null, at: 0 };
  let failures = 0;
  let reenrolled = false;

  const save = (next: AgentState) => {
    state = next;
    writeState(stateFile, next);
  };

  async function freshInventory(): Promise<Inventory> {
    const started = Date.now();
    inventory = await collectInventory();
    collectedAt = Date.now();
    user = { name: inventory.loggedInUsers[0] ?? null, at: collectedAt };
    log.info('inventory.collected', {
      ms: collectedAt - started,
      software: inventory.software.length,
      identity: inventory.identity.rule,
    });
    return inventory;
  }

  async function beat(): Promise<number> {
    if (!inventory || Date.now() - collectedAt > inventoryRefreshMs) await freshInventory();
    const current = inventory as Inventory;
    const hash = inventoryHash(current);
    const client = createClient(state.serverUrl);
    const metrics = await sample(current.volumes.map((volume) => volume.mount));
    if (Date.now() - user.at > usersRefreshMs) {
      user = { name: (await loggedInUsers())[0] ?? null, at: Date.now() };
    }
    const reply = await client.heartbeat(state.machineToken, {
      metrics,
      loggedInUser: user.name,
      agentVersion,
      inventoryHash: hash,
    });
    if (reply.inventoryWanted) {
      const sent = await freshInventory();
      const stored = await client.sendInventory(state.machineToken, sent);
      log.info('inventory.sent', { hash: stored.hash.slice(0, 12) });
      save({ ...state, inventoryHash: stored.hash });
    }
    save({ ...state, lastHeartbeatAt: new Date().toISOString() });
    log.debug('heartbeat.sent', { next: `${reply.nextHeartbeatInSeconds}s` });
    return (options.intervalSeconds ?? reply.nextHeartbeatInSeconds) * 1000;
  }

  async function reenrol(): Promise<boolean> {
    if (reenrolled || !state.enrollmentSecret) return false;
    reenrolled = true;
    try {
      const next = await enrol(
        {
          serverUrl: state.serverUrl,
          enrollmentSecret: state.enrollmentSecret,
          companySlug: state.companySlug,
          keepSecret: true,
        },
        await freshInventory(),
      );
      save(next);
      log.info('machine.reenrolled', { machineId: next.machineId });
      return true;
    } catch (error) {
      log.error('machine.reenrol_failed', { reason: messageOf(error) });
      return false;
    }
  }

  log.info('agent.started', {
    version: agentVersion,
    server: state.serverUrl,
    machineId: state.machineId,
  });
  // `chamados-agent open`, run by a user who cannot read the state, asks the service instead.
  const socketPath = localSocketPath();
  const localService = await startLocalService(
    socketPath,
    async () => (await createClient(state.serverUrl).openSession(state.machineToken)).loginUrl,
    log,
  ).catch((error: unknown) => {
    log.warn('local.unavailable', { socket: socketPath, reason: messageOf(error) });
    return null;
  });
  while (!signal.aborted) {
    // `enroll` or `unenroll` may have changed the state while the service runs.
    const latest = readState(stateFile);
    if (!latest) {
      log.error('agent.not_enrolled', {
        hint: 'the state file is gone; run chamados-agent enroll',
      });
      break;
    }
    state = latest;
    let delay: number;
    try {
      const interval = await beat();
      if (failures > 0) log.info('server.reachable', { afterFailures: failures });
      failures = 0;
      reenrolled = false;
      delay = jittered(interval);
    } catch (error) {
      if (error instanceof UnauthorizedError) {
        log.warn('machine.unauthorized', { reason: error.message });
        if (await reenrol()) continue;
        log.error('machine.refused', {
          hint: 'the token was refused and the agent cannot enrol again by itself; enrol it',
          retryIn: `${refusedRetryMs / 1000}s`,
        });
        delay = refusedRetryMs;
      } else {
        failures += 1;
        delay = backoffDelay(failures);
        // Anything else (a refused request, a full disk) backs off the same way, under its name.
        const event = error instanceof UnreachableError ? 'server.unreachable' : 'heartbeat.failed';
        log.warn(event, {
          reason: messageOf(error),
          failures,
          retryIn: `${Math.round(delay / 1000)}s`,
        });
      }
    }
    try {
      await sleep(delay, undefined, { signal });
    } catch {
      // Aborted: the loop condition ends it.
    }
  }
  await localService?.close();
  log.info('agent.stopped');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
