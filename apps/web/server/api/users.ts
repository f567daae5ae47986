import { createUser, listUsers } from '@chamados/core';
import { kib } from '../http/body.ts';
import { queryObject, readJson, requireActor } from '../http/context.ts';
import type { Route } from '../http/router.ts';

const bodyLimit = 16 * kib;

export const userRoutes: Route[] = [
  /** GET /api/users – users, filtered by role and company, paginated (admins). */
  {
    method: 'GET',
    path: '/api/users',
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
