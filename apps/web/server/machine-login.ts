import type { ServerResponse } from 'node:http';
import { type Runtime, redeemLoginCode } from '@chamados/core';

export const machineLoginPath = '/machine-login';

/**
 * GET /machine-login?code=… – the agent opens this in a browser: a valid code sets the
 * machine's session cookie and lands on the new-ticket page; anything else goes to sign-in,
 * which explains that the link expired. Handled before Next: the cookie must be set on a plain
 * redirect, and the code must work once.
 */
export async function handleMachineLogin(
  runtime: Runtime,
  url: URL,
  res: ServerResponse,
): Promise<void> {
  const code = url.searchParams.get('code') ?? '';
  const cookie = await redeemLoginCode(runtime.auth, runtime.database.db, code);
  const headers: Record<string, string> = {
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    location: cookie ? '/tickets/new' : '/sign-in?machineLogin=expired',
  };
  if (cookie) headers['set-cookie'] = cookie.header;
  res.writeHead(302, headers);
  res.end();
}
