import 'server-only';
import type { Actor } from '@chamados/core/auth/actor';
import { machineIdOfUser } from '@chamados/core/machines/machine-session';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getRuntime } from './runtime.ts';

/** The signed-in person as pages need them. */
export interface Viewer extends Actor {
  name: string;
  email: string;
}

/** The current session's user, or null; read once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getRuntime().auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const { user } = session;
  const role = user.role as Actor['role'];
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role,
    companyId: user.companyId ?? null,
    isCompanyManager: user.isCompanyManager ?? false,
    machineId:
      role === 'machine'
        ? ((await machineIdOfUser(getRuntime().database.db, user.id)) ?? undefined)
        : undefined,
  };
});

/** The viewer, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return viewer;
}
