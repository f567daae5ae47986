import 'server-only';
import type { Runtime } from '@chamados/core/runtime';

const runtimeKey = Symbol.for('chamados.runtime');

/**
 * The runtime the Chamados server published before handing requests to Next (see
 * `server/runtime-global.ts`). Pages only run inside that server, so it is always there.
 */
export function getRuntime(): Runtime {
  const runtime = (globalThis as Record<symbol, unknown>)[runtimeKey] as Runtime | undefined;
  if (!runtime) {
    throw new Error('Chamados runtime missing: start the app with `npm start` or `npm run dev`');
  }
  return runtime;
}
