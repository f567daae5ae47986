import { AppError } from '@chamados/core';
import type { Route } from '../http/router.ts';

/** GET /api/health – liveness and database reachability, for load balancers and monitors. */
export const healthRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/health',
    doc: {
      summary: 'Liveness and database reachability',
      tag: 'Operations',
      access: 'public',
      success: { status: 200, description: '{ status: "ok", database: "pglite" | "postgres" }' },
    },
    async handler({ runtime }) {
      const { database } = runtime;
      if (!(await database.ping())) {
        throw new AppError('database_unavailable', 'The database is unreachable');
      }
      return { status: 200, body: { status: 'ok', database: database.kind } };
    },
  },
];
