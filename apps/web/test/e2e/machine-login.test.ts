import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../../../../test/support/api-client.ts';
import { setupBrowserApp } from '../../../../test/support/browser-app.ts';

const admin = { email: 'admin@machines.test', password: 'admin-password-machines' };
const fixture = setupBrowserApp(admin);
let adminToken = '';
let machineToken = '';

// biome-ignore lint/suspicious/noExplicitAny: the tests read API bodies field by field
type Json = Record<string, any>;

const api = (pathname: string, options: Parameters<typeof call>[2] = {}) =>
  call(fixture.app.url, pathname, {
    ...options,
    headers: { origin: fixture.app.url, ...options.headers },
  });

beforeAll(async () => {
  adminToken = (await signIn(fixture.app.url, admin.email, admin.password, fixture.app.url)).token;

  // What the agent does on a real machine: enrol with the company's secret, then heartbeat.
  const company = await api('/api/companies', {
    token: adminToken,
    json: { name: 'Farmácia Sol' },
  });
  const secret = await api('/api/enrollment-secrets', {
    token: adminToken,
    json: { companyId: (company.body as Json).company.id, label: 'Loja 1' },
  });
  const registered = await api('/api/machines/register', {
    json: {
      enrollmentSecret: (secret.body as Json).secret,
      hostname: 'BALCAO-01',
      os: { name: 'Debian GNU/Linux', version: '12', arch: 'x64' },
      hardware: { systemUuid: '8a4f2c1e-3b5d-4e6f-9a0b-1c2d3e4f5a6b', macs: [] },
      agentVersion: '0.1.0',
    },
  });
  machineToken = (registered.body as Json).machineToken;
  const beat = await api('/api/machines/heartbeat', {
    headers: { authorization: `Bearer ${machineToken}` },
    json: {
      metrics: {
        cpuPercent: 97,
        load: [4.1, 3.8, 3.0],
        memory: { usedBytes: 3_900_000_000, totalBytes: 4_000_000_000 },
        disks: [{ mount: '/', usedBytes: 58_000_000_000, totalBytes: 60_000_000_000 }],
        uptimeSeconds: 7200,
      },
      loggedInUser: 'balcao',
      agentVersion: '0.1.0',
    },
  });
  expect(beat.status).toBe(200);
});

describe('a ticket opened from a machine', () => {
  it('opens the helpdesk as the machine and shows technicians the machine behind the ticket', async () => {
    const session = await api('/api/machines/sessions', {
      method: 'POST',
      headers: { authorization: `Bearer ${machineToken}` },
    });
    expect(session.status).toBe(201);
    const { loginUrl } = session.body as Json;

    const machinePage = await (await fixture.browser.newContext()).newPage();
    await machinePage.goto(loginUrl);
    await machinePage.waitForURL(/\/tickets\/new$/);
    await machinePage.getByLabel('Assunto').fill('Sistema do balcão travando');
    await machinePage.getByLabel('Descrição').fill('Trava ao abrir o caixa.');
    await machinePage.getByRole('button', { name: 'Abrir chamado' }).click();
    await machinePage.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    const ticketUrl = machinePage.url();

    // The same link does not work twice.
    const again = await (await fixture.browser.newContext()).newPage();
    await again.goto(loginUrl);
    await expect
      .poll(() => again.getByText('O link de acesso da máquina expirou').isVisible())
      .toBe(true);

    const staff = await (
      await fixture.browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await staff.goto(`${fixture.app.url}/sign-in`);
    await staff.getByLabel('E-mail').fill(admin.email);
    await staff.getByLabel('Senha').fill(admin.password);
    await staff.getByRole('button', { name: 'Entrar' }).click();
    await staff.waitForURL(`${fixture.app.url}/`);
    await staff.goto(ticketUrl);
    const context = staff.getByTestId('machine-context');
    await expect.poll(() => context.isVisible()).toBe(true);
    const text = (await context.textContent()) ?? '';
    expect(text).toContain('BALCAO-01');
    expect(text).toContain('Online');
    expect(text).toContain('Livre em /: 2.0 GB / 60.0 GB');
    await fixture.shot(staff, 'ticket-from-machine');

    // Wait for the batch write, then the fleet page shows the machine with its load.
    await staff.waitForTimeout(1_200);
    await staff.goto(`${fixture.app.url}/machines`);
    const row = staff.getByRole('row').filter({ hasText: 'BALCAO-01' });
    await expect.poll(() => row.textContent()).toContain('Online');
    await fixture.shot(staff, 'machines');
    await row.getByRole('link', { name: 'BALCAO-01' }).click();
    await staff.waitForURL(/\/machines\/[0-9a-f-]{36}$/);
    await expect.poll(() => staff.getByText('UUID do sistema').isVisible()).toBe(true);
    await fixture.shot(staff, 'machine');
  });
});
