import { createUser, createUserInput, listUsers, listUsersQuery } from '@chamados/core';
import { kib } from '../http/body.ts';
import { queryObject, readJson, requireActor } from '../http/context.ts';
import type { Route } from '../http/router.ts';

const bodyLimit = 16 * kib;

export const userRoutes: Route[] = [
  /** GET /api/users – users, filtered by role and company, paginated (admins). */
  {
    method: 'GET',
    path: '/api/users',
    doc: {
      summary: 'List users',
      tag: 'Users',
      access: 'admin',
      query: listUsersQuery,
      success: { status: 200, description: '{ users, limit, offset }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const page = await listUsers(ctx.runtime.database.db, actor, queryObject(ctx.url));
      return { status: 200, body: page };
    },
  },
  /** POST /api/users – create a person who signs in with a password (admins). */
  {
    method: 'POST',
    path: '/api/users',
    doc: {
      summary: 'Create a user who signs in with a password',
      tag: 'Users',
      access: 'admin',
      body: createUserInput,
      success: { status: 201, description: '{ user }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const input = await readJson(ctx, bodyLimit);
      const user = await createUser(ctx.runtime.database.db, actor, input);
      ctx.log.info(
        { event: 'user.created', userId: user.id, role: user.role, companyId: user.companyId },
        'user created',
      );
      return { status: 201, body: { user } };
    },
  },
];
