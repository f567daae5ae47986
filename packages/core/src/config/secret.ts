import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const secretFiles = {
  auth: 'auth-secret',
  provisioning: 'machine-provisioning-secret',
} as const;

/**
 * Returns a secret kept in `dataDir`, creating it (owner-only) on first use. Only the embedded
 * setup comes here: a PostgreSQL deployment names its secrets in the environment.
 */
export async function readOrCreateSecret(
  dataDir: string,
  fileName: string = secretFiles.auth,
): Promise<{ secret: string; created: boolean }> {
  const file = path.join(dataDir, fileName);
  try {
    const secret = (await readFile(file, 'utf8')).trim();
    if (secret.length >= 32) return { secret, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { secret, created: true };
}
