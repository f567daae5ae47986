import { createCompany, createCompanyInput, listCompanies } from '@chamados/core';
import { kib } from '../http/body.ts';
import { readJson, requireActor } from '../http/context.ts';
import type { Route } from '../http/router.ts';

const bodyLimit = 16 * kib;

export const companyRoutes: Route[] = [
  /** GET /api/companies – the companies the caller may see. */
  {
    method: 'GET',
    path: '/api/companies',
    doc: {
      summary: 'List the companies the caller may see',
      tag: 'Companies',
      access: 'signed-in',
      success: { status: 200, description: '{ companies }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const companies = await listCompanies(ctx.runtime.database.db, actor);
      return { status: 200, body: { companies } };
    },
  },
  /** POST /api/companies – create a company (admins). */
  {
    method: 'POST',
    path: '/api/companies',
    doc: {
      summary: 'Create a company',
      tag: 'Companies',
      access: 'admin',
      body: createCompanyInput,
      success: { status: 201, description: '{ company }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const input = await readJson(ctx, bodyLimit);
      const company = await createCompany(ctx.runtime.database.db, actor, input);
      ctx.log.info({ event: 'company.created', companyId: company.id }, 'company created');
      return { status: 201, body: { company } };
    },
  },
];
