import { createRequire } from 'node:module';

/** The agent's version, sent with every registration and heartbeat (kept equal to package.json). */
export const agentVersion = '0.1.0';

/** True in the single-file binary (a Node single executable application), false under tsx. */
export function isPackagedBinary(): boolean {
  try {
    // `node:sea` exists from Node 20.12; older runtimes cannot be the packaged binary anyway.
    const sea = createRequire(process.execPath)('node:sea') as { isSea(): boolean };
    return sea.isSea();
  } catch {
    return false;
  }
}
