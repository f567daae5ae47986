import {
  events,
  inventoryHash,
  MachineAuthError,
  machineInventories,
  machineInventoryChanges,
  machineMetrics,
  machines,
  pruneMachineHistory,
  sweepMachineStatus,
} from '@chamados/core';
import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { provisioningSecret, setupApiServer } from '../../../../test/support/api-server.ts';

const fixture = setupApiServer();

// biome-ignore lint/suspicious/noExplicitAny: the tests read API bodies field by field
type Json = Record<string, any>;

const heartbeat = {
  metrics: {
    cpuPercent: 12.5,
    load: [0.4, 0.3, 0.2],
    memory: { usedBytes: 4_000_000_000, totalBytes: 16_000_000_000 },
    disks: [{ mount: 'C:', usedBytes: 200_000_000_000, totalBytes: 500_000_000_000 }],
    uptimeSeconds: 86_400,
  },
  loggedInUser: 'ana',
  agentVersion: '0.1.0',
};

const inventory = {
  os: { name: 'Windows 11 Pro', version: '23H2', build: '22631' },
  hardware: { vendor: 'Dell Inc.', model: 'OptiPlex 7090', memoryBytes: 16_000_000_000 },
  software: [
    { name: 'Google Chrome', version: '120.0' },
    { name: '7-Zip', version: '23.01' },
  ],
};

let serial = 0;
async function enrol(): Promise<{ machineId: string; machineToken: string }> {
  serial += 1;
  const response = await call(fixture.server.baseUrl, '/api/machines/register', {
    json: {
      enrollmentSecret: provisioningSecret,
      companySlug: 'pulso',
      hostname: `PC-${serial}`,
      os: { name: 'Windows 11 Pro', version: '10.0.22631', arch: 'x64' },
      hardware: { serial: `HB-${serial}`, macs: [] },
      agentVersion: '0.1.0',
    },
  });
  if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  return response.body as { machineId: string; machineToken: string };
}

const beat = (token: string, body: unknown = heartbeat) =>
  call(fixture.server.baseUrl, '/api/machines/heartbeat', {
    json: body,
    headers: { authorization: `Bearer ${token}` },
  });
const upload = (token: string, body: unknown) =>
  call(fixture.server.baseUrl, '/api/machines/inventory', {
    json: { inventory: body },
    headers: { authorization: `Bearer ${token}` },
  });
const machine = async (id: string) =>
  (
    (await call(fixture.server.baseUrl, `/api/machines/${id}`, { token: fixture.adminToken }))
      .body as Json
  ).machine as Json;

const refused = {
  error: { code: 'machine_unauthorized', message: 'Machine authentication failed; enrol again' },
};

beforeAll(async () => {
  await call(fixture.server.baseUrl, '/api/companies', {
    token: fixture.adminToken,
    json: { name: 'Pulso', slug: 'pulso' },
  });
});

describe('heartbeats', () => {
  it('are answered at once and land in the next batch write', async () => {
    const { machineId, machineToken } = await enrol();
    const response = await beat(machineToken);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ nextHeartbeatInSeconds: 60, inventoryWanted: true });

    await fixture.server.runtime.machines.heartbeats.flush();
    const seen = await machine(machineId);
    expect(seen).toMatchObject({ status: 'online', token: { state: 'active' } });
    expect(seen.token.lastUsedAt).not.toBeNull();
    const [row] = await fixture.server.database.db
      .select()
      .from(machines)
      .where(eq(machines.id, machineId));
    expect(row?.latestMetrics).toEqual(heartbeat.metrics);
    expect(row?.loggedInUser).toBe('ana');
    const history = await fixture.server.database.db
      .select()
      .from(machineMetrics)
      .where(eq(machineMetrics.machineId, machineId));
    expect(history).toHaveLength(1);
  });

  it('ask for the full inventory until the server has the one the agent reports', async () => {
    const { machineId, machineToken } = await enrol();
    const stored = await upload(machineToken, inventory);
    expect(stored.body).toEqual({ hash: inventoryHash(inventory), changes: 0 });

    const current = await beat(machineToken, {
      ...heartbeat,
      inventoryHash: inventoryHash(inventory),
    });
    expect((current.body as Json).inventoryWanted).toBe(false);
    const changed = await beat(machineToken, { ...heartbeat, inventoryHash: 'a'.repeat(64) });
    expect((changed.body as Json).inventoryWanted).toBe(true);

    const next = {
      ...inventory,
      os: { ...inventory.os, build: '22635' },
      software: [
        { name: 'Google Chrome', version: '121.0' },
        { name: 'LibreOffice', version: '7.6' },
      ],
    };
    expect((await upload(machineToken, next)).body).toMatchObject({ changes: 4 });
    const log = await fixture.server.database.db
      .select()
      .from(machineInventoryChanges)
      .where(eq(machineInventoryChanges.machineId, machineId))
      .orderBy(asc(machineInventoryChanges.id));
    expect(
      log.map((change) => [change.kind, change.name, change.fromValue, change.toValue]),
    ).toEqual([
      ['software-updated', 'Google Chrome', '120.0', '121.0'],
      ['software-added', 'LibreOffice', null, '7.6'],
      ['software-removed', '7-Zip', '23.01', null],
      ['os', 'build', '"22631"', '"22635"'],
    ]);
  });

  it('refuse a revoked token with the same 401 as any other failure', async () => {
    const { machineId, machineToken } = await enrol();
    expect((await beat(machineToken)).status).toBe(200);
    await call(fixture.server.baseUrl, `/api/machines/${machineId}/revoke-token`, {
      token: fixture.adminToken,
      method: 'POST',
    });
    // The revocation reaches the in-memory token cache as an event.
    await expect.poll(async () => (await beat(machineToken)).status).toBe(401);
    expect((await beat(machineToken)).body).toEqual(refused);
  });

  it('refuse an expired token', async () => {
    const { machineToken } = await enrol();
    const tokens = fixture.server.runtime.machines.tokens;
    const afterTtl = Date.now() + fixture.server.runtime.config.machines.tokenTtlMs + 1_000;
    await expect(tokens.authenticate(machineToken, afterTtl)).rejects.toBeInstanceOf(
      MachineAuthError,
    );
    await expect(tokens.authenticate(machineToken, afterTtl)).rejects.toMatchObject({
      code: 'machine_unauthorized',
    });
  });

  it.each<{ name: string; headers: Record<string, string> }>([
    { name: 'no token', headers: {} },
    { name: 'an unknown token', headers: { authorization: 'Bearer cmt_nope' } },
  ])('refuse $name with the same body', async ({ headers }) => {
    const response = await call(fixture.server.baseUrl, '/api/machines/heartbeat', {
      json: heartbeat,
      headers,
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refused);
  });

  it('check size, type and fields', async () => {
    const { machineToken } = await enrol();
    const auth = { authorization: `Bearer ${machineToken}` };
    const tooBig = await call(fixture.server.baseUrl, '/api/machines/heartbeat', {
      json: { ...heartbeat, loggedInUser: 'x'.repeat(70_000) },
      headers: auth,
    });
    expect(tooBig.status).toBe(413);
    const wrongType = await call(fixture.server.baseUrl, '/api/machines/heartbeat', {
      raw: 'cpu=1',
      contentType: 'text/plain',
      method: 'POST',
      headers: auth,
    });
    expect(wrongType.status).toBe(415);
    const invalid = await beat(machineToken, { ...heartbeat, metrics: { cpuPercent: 400 } });
    expect(invalid.status).toBe(400);
    const paths = (invalid.body as Json).error.details.map((detail: Json) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['metrics.cpuPercent', 'metrics.memory']));
  });

  it('refuse text the database cannot store, so one machine cannot stall the batch', async () => {
    const { machineId, machineToken } = await enrol();
    for (const loggedInUser of ['ana\u0000', 'ana\ud800']) {
      const refusedBeat = await beat(machineToken, { ...heartbeat, loggedInUser });
      expect(refusedBeat.status).toBe(400);
      expect((refusedBeat.body as Json).error.details[0]).toMatchObject({ path: 'loggedInUser' });
    }
    const refusedInventory = await upload(machineToken, {
      software: [{ name: 'tool\u0000', version: '1' }],
    });
    expect(refusedInventory.status).toBe(400);
    expect((refusedInventory.body as Json).error.details[0]).toMatchObject({ path: 'inventory' });

    const accepted = await beat(machineToken, { ...heartbeat, loggedInUser: 'ana 🙂' });
    expect(accepted.status).toBe(200);
    await fixture.server.runtime.machines.heartbeats.flush();
    expect((await machine(machineId)).loggedInUser).toBe('ana 🙂');
  });
});

describe("a machine's view of itself", () => {
  it('shows the machine its identity, status, token expiry and last stored inventory', async () => {
    const { machineId, machineToken } = await enrol();
    const me = () =>
      call(fixture.server.baseUrl, '/api/machines/me', {
        headers: { authorization: `Bearer ${machineToken}` },
      });
    const fresh = await me();
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      id: machineId,
      hostname: `PC-${serial}`,
      company: { name: 'Pulso' },
      status: 'never-seen',
      lastSeenAt: null,
      inventoryHash: null,
    });
    expect(Date.parse((fresh.body as Json).tokenExpiresAt)).toBeGreaterThan(Date.now());

    await beat(machineToken);
    await upload(machineToken, inventory);
    await fixture.server.runtime.machines.heartbeats.flush();
    expect((await me()).body).toMatchObject({
      status: 'online',
      inventoryHash: inventoryHash(inventory),
    });
  });

  it('refuses anything but a valid machine token', async () => {
    const { machineToken } = await enrol();
    const asAdmin = await call(fixture.server.baseUrl, '/api/machines/me', {
      token: fixture.adminToken,
    });
    expect(asAdmin).toMatchObject({ status: 401, body: refused });
    const forged = await call(fixture.server.baseUrl, '/api/machines/me', {
      headers: { authorization: `Bearer ${machineToken}x` },
    });
    expect(forged).toMatchObject({ status: 401, body: refused });
  });
});

describe('machine status', () => {
  it('turns offline after two missed intervals and a minute, and back online on a heartbeat', async () => {
    const { machineId, machineToken } = await enrol();
    const { db } = fixture.server.database;
    const delivered: Json[] = [];
    const stopListening = fixture.server.runtime.events.subscribe((event) => {
      if (event.data.machineId === machineId) delivered.push(event);
    });
    await beat(machineToken);
    await fixture.server.runtime.machines.heartbeats.flush();
    await sweepMachineStatus(fixture.server.database);

    // A single late heartbeat (two minutes) is not enough to go offline.
    await db
      .update(machines)
      .set({ lastSeenAt: new Date(Date.now() - 120_000) })
      .where(eq(machines.id, machineId));
    await sweepMachineStatus(fixture.server.database);
    expect((await machine(machineId)).status).toBe('online');

    await db
      .update(machines)
      .set({ lastSeenAt: new Date(Date.now() - 200_000) })
      .where(eq(machines.id, machineId));
    await sweepMachineStatus(fixture.server.database);
    expect((await machine(machineId)).status).toBe('offline');

    await beat(machineToken);
    await fixture.server.runtime.machines.heartbeats.flush();
    await sweepMachineStatus(fixture.server.database);

    const transitions = await db
      .select({ type: events.type, data: events.data })
      .from(events)
      .orderBy(asc(events.id));
    const mine = transitions
      .filter((event) => (event.data as Json).machineId === machineId)
      .map((event) => event.type)
      .filter((type) => type === 'machine.online' || type === 'machine.offline');
    expect(mine).toEqual(['machine.online', 'machine.offline', 'machine.online']);

    // Each transition also reaches live listeners, shaped like every other event.
    await expect.poll(() => delivered.length).toBe(3);
    stopListening();
    expect(delivered[1]).toEqual({
      id: expect.any(Number),
      type: 'machine.offline',
      companyId: expect.any(String),
      queueId: null,
      requesterId: null,
      staffOnly: true,
      data: { machineId },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });
});

describe('machine history', () => {
  it('keeps samples and inventories for the retention, and always the latest inventory', async () => {
    const { machineId, machineToken } = await enrol();
    const { db } = fixture.server.database;
    const old = new Date(Date.now() - 40 * 86_400_000);
    await db.insert(machineMetrics).values({ machineId, bucket: old, metrics: heartbeat.metrics });
    await upload(machineToken, inventory);
    await upload(machineToken, { ...inventory, software: [] });
    await db
      .update(machineInventories)
      .set({ receivedAt: sql`${machineInventories.receivedAt} - interval '40 days'` })
      .where(eq(machineInventories.machineId, machineId));

    await pruneMachineHistory(fixture.server.database, 30);

    const samples = await db
      .select()
      .from(machineMetrics)
      .where(eq(machineMetrics.machineId, machineId));
    expect(samples).toEqual([]);
    const kept = await db
      .select()
      .from(machineInventories)
      .where(eq(machineInventories.machineId, machineId));
    // Both were old; the one stored last is kept, whatever its age.
    expect(kept).toHaveLength(1);
  });
});
