import { call, signIn } from './api-client.ts';
import { type ApiServer, adminEmail, adminPassword } from './api-server.ts';

export const password = 'helpdesk-test-password';

export interface Cast {
  companyA: string;
  companyB: string;
  /** A queue the technician works, and one they do not. */
  queueOwn: string;
  queueOther: string;
  ids: Record<
    'technician' | 'outsider' | 'requesterA' | 'requesterA2' | 'managerA' | 'requesterB',
    string
  >;
  tokens: Record<
    'admin' | 'technician' | 'outsider' | 'requesterA' | 'requesterA2' | 'managerA' | 'requesterB',
    string
  >;
}

async function created<T>(
  server: ApiServer,
  token: string,
  path: string,
  json: unknown,
  method = 'POST',
) {
  const response = await call(server.baseUrl, path, { token, json, method });
  if (response.status >= 300) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as T;
}

/**
 * The people of a helpdesk: two companies; a technician in one queue and another technician
 * in no queue of interest; requesters of company A (one a company manager) and of company B.
 */
export async function castHelpdesk(server: ApiServer): Promise<Cast> {
  const admin = (await signIn(server.baseUrl, adminEmail, adminPassword)).token;
  const company = async (name: string) =>
    (await created<{ company: { id: string } }>(server, admin, '/api/companies', { name })).company
      .id;
  const companyA = await company('Empresa A');
  const companyB = await company('Empresa B');

  const user = async (key: string, role: string, companyId?: string, isCompanyManager = false) =>
    (
      await created<{ user: { id: string } }>(server, admin, '/api/users', {
        name: key,
        email: `${key.toLowerCase()}@helpdesk.test`,
        password,
        role,
        ...(companyId ? { companyId, isCompanyManager } : {}),
      })
    ).user.id;
  const ids = {
    technician: await user('Technician', 'technician'),
    outsider: await user('Outsider', 'technician'),
    requesterA: await user('RequesterA', 'requester', companyA),
    requesterA2: await user('RequesterA2', 'requester', companyA),
    managerA: await user('ManagerA', 'requester', companyA, true),
    requesterB: await user('RequesterB', 'requester', companyB),
  };

  const queues = await created<{ queues: { id: string; isDefault: boolean }[] }>(
    server,
    admin,
    '/api/queues',
    undefined,
    'GET',
  );
  const queueOwn = queues.queues.find((queue) => queue.isDefault)?.id ?? '';
  const queueOther = (
    await created<{ queue: { id: string } }>(server, admin, '/api/queues', { name: 'Redes' })
  ).queue.id;
  await created(
    server,
    admin,
    `/api/queues/${queueOwn}/members`,
    { userIds: [ids.technician] },
    'PUT',
  );
  await created(
    server,
    admin,
    `/api/queues/${queueOther}/members`,
    { userIds: [ids.outsider] },
    'PUT',
  );

  const token = async (key: string) =>
    (await signIn(server.baseUrl, `${key.toLowerCase()}@helpdesk.test`, password)).token;
  return {
    companyA,
    companyB,
    queueOwn,
    queueOther,
    ids,
    tokens: {
      admin,
      technician: await token('Technician'),
      outsider: await token('Outsider'),
      requesterA: await token('RequesterA'),
      requesterA2: await token('RequesterA2'),
      managerA: await token('ManagerA'),
      requesterB: await token('RequesterB'),
    },
  };
}
