import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../../../../test/support/api-client.ts';
import { setupBrowserApp } from '../../../../test/support/browser-app.ts';

const admin = { email: 'admin@live.test', password: 'admin-password-live' };
const technician = {
  name: 'Tiago Técnico',
  email: 'tiago@live.test',
  password: 'tiago-senha-forte',
};
const requester = {
  name: 'Rita Requerente',
  email: 'rita@live.test',
  password: 'rita-senha-forte',
};
const fixture = setupBrowserApp(admin);

beforeAll(async () => {
  // The people, through the API: a company, a technician in the default queue, a requester.
  const { token } = await signIn(fixture.app.url, admin.email, admin.password, fixture.app.url);
  const api = async (pathname: string, json: unknown, method = 'POST') => {
    const response = await call(fixture.app.url, pathname, {
      token,
      json,
      method,
      headers: { origin: fixture.app.url },
    });
    if (response.status >= 300) throw new Error(JSON.stringify(response.body));
    return response.body as Record<string, { id: string }>;
  };
  const company = (await api('/api/companies', { name: 'Clínica Vida' })).company?.id;
  const tech = (await api('/api/users', { ...technician, role: 'technician' })).user?.id;
  await api('/api/users', { ...requester, role: 'requester', companyId: company });
  const queues = await call(fixture.app.url, '/api/queues', { token });
  const general = (queues.body as { queues: { id: string; isDefault: boolean }[] }).queues.find(
    (queue) => queue.isDefault,
  );
  await api(`/api/queues/${general?.id}/members`, { userIds: [tech] }, 'PUT');
});

async function signedInPage(email: string, password: string): Promise<Page> {
  const context = await fixture.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${fixture.app.url}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL(`${fixture.app.url}/`);
  return page;
}

const shot = (page: Page, name: string) => fixture.shot(page, name);

const live = (page: Page) =>
  expect.poll(() => page.getByTestId('live-indicator').getAttribute('data-connected')).toBe('true');

describe('the helpdesk, live, in two browsers', () => {
  it('a requester opens a ticket; the technician sees it, replies and notes; the requester sees only the reply', async () => {
    const tech = await signedInPage(technician.email, technician.password);
    await expect.poll(() => tech.getByText('Nenhum chamado ainda').isVisible()).toBe(true);
    await live(tech);

    const rita = await signedInPage(requester.email, requester.password);
    await rita.getByRole('link', { name: 'Novo chamado' }).click();
    await rita.getByLabel('Assunto').fill('Computador da recepção não liga');
    await rita.getByLabel('Descrição').fill('Apertei o botão e **nada** acontece.');
    await rita.getByLabel('Prioridade').selectOption('high');
    await rita.getByRole('button', { name: 'Abrir chamado' }).click();
    await rita.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    await live(rita);

    // The technician's list shows it without a reload, with its SLA.
    const link = tech.getByRole('link', { name: /Computador da recepção não liga/ });
    await expect.poll(() => link.isVisible(), { timeout: 5_000 }).toBe(true);
    const row = tech.getByRole('row').filter({ has: link });
    expect(await row.textContent()).toContain('1ª resposta: No prazo');
    await shot(tech, 'technician-list-live');

    await link.click();
    await tech.waitForURL(/\/tickets\//);
    await expect.poll(() => tech.getByText('Solução: No prazo').isVisible()).toBe(true);
    await tech.getByRole('button', { name: 'Assumir' }).click();
    await expect
      .poll(() => tech.getByText('Tiago Técnico passou o chamado para Tiago Técnico').isVisible())
      .toBe(true);

    await tech
      .getByRole('textbox', { name: 'Responder' })
      .fill('Vou verificar a fonte. Está ligado na tomada?');
    await tech.getByRole('button', { name: 'Enviar resposta' }).click();
    await expect.poll(() => tech.getByTestId('reply').count()).toBe(1);

    await tech.getByRole('checkbox', { name: /Nota interna/ }).check();
    await tech
      .getByRole('textbox', { name: 'Nota interna' })
      .fill('Fonte queimada no lote de 2023.');
    await tech.getByRole('button', { name: 'Salvar nota' }).click();
    await expect.poll(() => tech.getByTestId('internal-note').count()).toBe(1);
    await shot(tech, 'technician-ticket');

    // The requester's open page shows the reply live, and never the note.
    await expect
      .poll(() => rita.getByText('Vou verificar a fonte.').isVisible(), { timeout: 5_000 })
      .toBe(true);
    await expect.poll(() => rita.getByText('Em atendimento').first().isVisible()).toBe(true);
    await rita.waitForTimeout(500);
    expect(await rita.content()).not.toContain('Fonte queimada');
    expect(await rita.getByTestId('internal-note').count()).toBe(0);
    await shot(rita, 'requester-ticket');

    // After a reload too.
    await rita.reload();
    expect(await rita.content()).not.toContain('Fonte queimada');
  });
});
