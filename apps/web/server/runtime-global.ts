import type { Runtime } from '@chamados/core';

/**
 * Next bundles the pages apart from this server, so module state is not shared between them.
 * The server's runtime (database, auth, logger) is handed over on `globalThis` under a
 * registered symbol; `apps/web/src/server/runtime.ts` reads it back.
 */
export const runtimeKey = Symbol.for('chamados.runtime');

export function publishRuntime(runtime: Runtime): void {
  (globalThis as Record<symbol, unknown>)[runtimeKey] = runtime;
}
