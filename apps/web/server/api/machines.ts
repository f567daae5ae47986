import {
  AppError,
  createMachineSession,
  getOwnMachine,
  heartbeatInput,
  heartbeatIntervalSeconds,
  inventoryInput,
  MachineAuthError,
  parseInput,
  type Runtime,
  registerMachine,
  registerMachineInput,
  storeInventory,
  type TokenEntry,
} from '@chamados/core';
import { kib, parseJsonBody, parseJsonText, readBody } from '../http/body.ts';
import type { RequestContext } from '../http/context.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import type { Route } from '../http/router.ts';

/** Room for the first inventory (2 MiB) with the rest of the registration around it. */
const registerLimit = 2 * 1024 * kib + 64 * kib;
const registerBursts = createRateLimiter({ windowMs: 60_000, max: 30 });

function provisioningSecretOf(runtime: Runtime): string {
  const { secret } = runtime.provisioning;
  if (!secret) {
    throw new AppError(
      'machine_api_disabled',
      'The machine API is disabled: set MACHINE_PROVISIONING_SECRET on the server',
    );
  }
  return secret;
}

const heartbeatLimit = 64 * kib;
const inventoryLimit = 2 * 1024 * kib;
/** A full inventory is asked for again when the last one is older than this. */
const inventoryMaxAgeMs = 24 * 3_600_000;

/**
 * The machine behind `Authorization: Bearer <machine token>`: from the in-memory cache without
 * waiting when it is there (nearly every heartbeat), else from the database.
 */
async function authenticateMachine(ctx: RequestContext): Promise<TokenEntry> {
  provisioningSecretOf(ctx.runtime);
  const header = ctx.req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token) throw new MachineAuthError('no bearer token');
  const { tokens } = ctx.runtime.machines;
  return tokens.cached(token) ?? tokens.authenticate(token);
}

/**
 * POST /api/machines/heartbeat – the hot path: no session, no database on the way; the token
 * is checked in memory and the heartbeat joins the next batch write.
 */
async function heartbeat(ctx: RequestContext) {
  const entry = await authenticateMachine(ctx);
  const text = (await readBody(ctx.req, heartbeatLimit)).toString('utf8');
  const input = parseInput(heartbeatInput, parseJsonText(ctx.req.headers['content-type'], text));
  const now = Date.now();
  ctx.runtime.machines.heartbeats.record(entry, text, now);

  const stale = entry.inventoryAt === null || now - entry.inventoryAt > inventoryMaxAgeMs;
  const inventoryWanted = stale || input.inventoryHash !== entry.inventoryHash;
  return {
    status: 200,
    body: { nextHeartbeatInSeconds: heartbeatIntervalSeconds, inventoryWanted },
  };
}

/** POST /api/machines/inventory – a full inventory, stored with what changed since the last. */
async function inventory(ctx: RequestContext) {
  const entry = await authenticateMachine(ctx);
  const raw = await readBody(ctx.req, inventoryLimit);
  const input = parseJsonBody(ctx.req.headers['content-type'], raw);
  const stored = await storeInventory(ctx.runtime.database.db, entry.machineId, input);
  entry.inventoryHash = stored.hash;
  entry.inventoryAt = stored.receivedAt.getTime();
  return { status: 200, body: { hash: stored.hash, changes: stored.changes } };
}

/** GET /api/machines/me – the calling machine as the server sees it (`chamados-agent status`). */
async function me(ctx: RequestContext) {
  const entry = await authenticateMachine(ctx);
  const machine = await getOwnMachine(ctx.runtime.database.db, entry.machineId);
  return {
    status: 200,
    body: { ...machine, tokenExpiresAt: new Date(entry.expiresAt).toISOString() },
  };
}

const sessionBursts = createRateLimiter({ windowMs: 60_000, max: 30 });

/**
 * POST /api/machines/sessions – a helpdesk session as this machine: set as a cookie, and a
 * single-use login code for opening a browser at `/machine-login?code=…` within 60 s.
 */
async function session(ctx: RequestContext) {
  sessionBursts(ctx.req.socket.remoteAddress ?? 'unknown');
  const entry = await authenticateMachine(ctx);
  const { runtime } = ctx;
  const created = await createMachineSession(runtime.auth, runtime.database.db, entry.machineId, {
    ipAddress: ctx.req.socket.remoteAddress,
    userAgent: ctx.req.headers['user-agent'],
  });
  const loginUrl = `${runtime.config.appUrl}/machine-login?code=${created.loginCode}`;
  ctx.log.info({ event: 'machine.session', machineId: entry.machineId }, 'machine session opened');
  return {
    status: 201,
    headers: { 'set-cookie': created.cookie.header },
    body: {
      loginUrl,
      loginCode: created.loginCode,
      loginCodeExpiresAt: created.loginCodeExpiresAt.toISOString(),
      sessionExpiresAt: created.sessionExpiresAt.toISOString(),
    },
  };
}

/** POST /api/machines/register – enrol a machine; answers its token once. */
async function register(ctx: RequestContext) {
  const { runtime, req } = ctx;
  const provisioningSecret = provisioningSecretOf(runtime);
  registerBursts(req.socket.remoteAddress ?? 'unknown');
  const input = parseJsonBody(req.headers['content-type'], await readBody(req, registerLimit));

  const registration = await registerMachine(runtime.database.db, input, {
    provisioningSecret,
    tokenTtlMs: runtime.config.machines.tokenTtlMs,
  });
  ctx.log.info(
    {
      event: registration.created ? 'machine.enrolled' : 'machine.reenrolled',
      machineId: registration.machineId,
      companyId: registration.companyId,
      rule: registration.fingerprintRule,
    },
    'machine enrolled',
  );
  const { machineId, machineToken, expiresAt, heartbeatIntervalSeconds } = registration;
  return {
    status: 201,
    body: { machineId, machineToken, expiresAt, heartbeatIntervalSeconds },
  };
}

export const machineRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/machines/register',
    doc: {
      summary: 'Enrol a machine with an enrollment secret; returns its token once',
      tag: 'Machines',
      access: 'public',
      body: registerMachineInput,
      success: {
        status: 201,
        description: '{ machineId, machineToken, expiresAt, heartbeatIntervalSeconds }',
      },
    },
    handler: register,
  },
  {
    method: 'POST',
    path: '/api/machines/sessions',
    doc: {
      summary: 'A helpdesk session as this machine (Authorization: Bearer <machine token>)',
      tag: 'Machines',
      access: 'public',
      success: {
        status: 201,
        description: '{ loginUrl, loginCode, loginCodeExpiresAt, sessionExpiresAt } + cookie',
      },
    },
    handler: session,
  },
  {
    method: 'POST',
    path: '/api/machines/heartbeat',
    doc: {
      summary: 'Heartbeat with metrics (Authorization: Bearer <machine token>)',
      tag: 'Machines',
      access: 'public',
      body: heartbeatInput,
      success: { status: 200, description: '{ nextHeartbeatInSeconds, inventoryWanted }' },
    },
    handler: heartbeat,
  },
  {
    method: 'GET',
    path: '/api/machines/me',
    doc: {
      summary: 'The calling machine as the server sees it (Authorization: Bearer <machine token>)',
      tag: 'Machines',
      access: 'public',
      success: {
        status: 200,
        description:
          '{ id, hostname, company, status, lastSeenAt, inventoryReceivedAt, inventoryHash, ' +
          'tokenExpiresAt }',
      },
    },
    handler: me,
  },
  {
    method: 'POST',
    path: '/api/machines/inventory',
    doc: {
      summary: 'Full inventory (Authorization: Bearer <machine token>)',
      tag: 'Machines',
      access: 'public',
      body: inventoryInput,
      success: { status: 200, description: '{ hash, changes }' },
    },
    handler: inventory,
  },
];
