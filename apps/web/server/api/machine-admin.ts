import {
  createEnrollmentSecret,
  createEnrollmentSecretInput,
  getMachine,
  listEnrollmentSecrets,
  listMachines,
  listMachinesQuery,
  revokeEnrollmentSecret,
  revokeMachineToken,
} from '@chamados/core';
import { kib } from '../http/body.ts';
import { queryObject, readJson, requireActor } from '../http/context.ts';
import type { Route } from '../http/router.ts';

const bodyLimit = 16 * kib;

export const machineAdminRoutes: Route[] = [
  /** GET /api/machines – the fleet, filtered and paginated (staff). */
  {
    method: 'GET',
    path: '/api/machines',
    doc: {
      summary: 'List machines',
      tag: 'Machines',
      access: 'staff',
      query: listMachinesQuery,
      success: { status: 200, description: '{ machines, page, pageSize, total }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const page = await listMachines(ctx.runtime.database.db, actor, queryObject(ctx.url));
      return { status: 200, body: page };
    },
  },
  /** GET /api/machines/:id – identity, status, token state and inventory (staff). */
  {
    method: 'GET',
    path: '/api/machines/:id',
    doc: {
      summary: 'Get a machine',
      tag: 'Machines',
      access: 'staff',
      success: { status: 200, description: '{ machine }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const machine = await getMachine(ctx.runtime.database.db, actor, ctx.params.id ?? '');
      return { status: 200, body: { machine } };
    },
  },
  /** POST /api/machines/:id/revoke-token – the machine must enrol again (admins). */
  {
    method: 'POST',
    path: '/api/machines/:id/revoke-token',
    doc: {
      summary: "Revoke a machine's token",
      tag: 'Machines',
      access: 'admin',
      success: { status: 200, description: '{ machine } with the revoked token' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const machine = await revokeMachineToken(ctx.runtime.database.db, actor, ctx.params.id ?? '');
      ctx.log.info({ event: 'machine.token_revoked', machineId: machine.id }, 'token revoked');
      return { status: 200, body: { machine } };
    },
  },
  /** GET /api/enrollment-secrets – every company's secrets, without the secrets (admins). */
  {
    method: 'GET',
    path: '/api/enrollment-secrets',
    doc: {
      summary: 'List enrollment secrets',
      tag: 'Machines',
      access: 'admin',
      success: { status: 200, description: '{ enrollmentSecrets }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const companyId = ctx.url.searchParams.get('companyId') ?? undefined;
      const list = await listEnrollmentSecrets(ctx.runtime.database.db, actor, companyId);
      return { status: 200, body: { enrollmentSecrets: list } };
    },
  },
  /** POST /api/enrollment-secrets – a new secret for a company, shown this once (admins). */
  {
    method: 'POST',
    path: '/api/enrollment-secrets',
    doc: {
      summary: 'Create an enrollment secret',
      tag: 'Machines',
      access: 'admin',
      body: createEnrollmentSecretInput,
      success: { status: 201, description: '{ enrollmentSecret, secret } — the secret only now' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const input = await readJson(ctx, bodyLimit);
      const created = await createEnrollmentSecret(ctx.runtime.database.db, actor, input);
      ctx.log.info(
        { event: 'enrollment_secret.created', secretId: created.enrollmentSecret.id },
        'enrollment secret created',
      );
      return { status: 201, body: created };
    },
  },
  /** POST /api/enrollment-secrets/:id/revoke – stop new enrolments with it (admins). */
  {
    method: 'POST',
    path: '/api/enrollment-secrets/:id/revoke',
    doc: {
      summary: 'Revoke an enrollment secret',
      tag: 'Machines',
      access: 'admin',
      success: { status: 200, description: '{ enrollmentSecret }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const { db } = ctx.runtime.database;
      const revoked = await revokeEnrollmentSecret(db, actor, ctx.params.id ?? '');
      return { status: 200, body: { enrollmentSecret: revoked } };
    },
  },
];
