import { AppError, type Runtime, registerMachine, registerMachineInput } from '@chamados/core';
import { kib, parseJsonBody, readBody } from '../http/body.ts';
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
];
