import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupBrowserApp } from '../../../../test/support/browser-app.ts';

const admin = { email: 'admin@flow.test', password: 'admin-password-flow' };
const requester = {
  name: 'Joana Requerente',
  email: 'joana@padaria.test',
  password: 'joana-senha-segura',
};
const fixture = setupBrowserApp(admin);

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

const shot = (page: Page, name: string) => fixture.shot(page, name);

describe('signing in, in a real browser', () => {
  it('admin creates a company and a requester; the requester signs in and out', async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    // A protected page sends a signed-out visitor to sign-in, in Portuguese by default.
    await page.goto(`${fixture.app.url}/admin/companies`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Entrar no Chamados');

    // A wrong password is refused in place.
    await signIn(page, admin.email, 'definitely-wrong');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'E-mail' }).textContent())
      .toBe('E-mail ou senha incorretos.');
    await shot(page, 'sign-in-error');

    // Sign in and land back where we were headed.
    await signIn(page, admin.email, admin.password);
    await page.waitForURL(`${fixture.app.url}/admin/companies`);
    await expect.poll(() => page.getByText('Nenhuma empresa cadastrada').isVisible()).toBe(true);
    await shot(page, 'admin-companies-empty');

    await page.getByLabel('Nome').fill('Padaria Pão Quente');
    await page.getByRole('button', { name: 'Criar empresa' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'criad' }).textContent())
      .toBe('Empresa “Padaria Pão Quente” criada.');
    await expect
      .poll(() => page.getByRole('cell', { name: 'padaria-pao-quente' }).isVisible())
      .toBe(true);
    await shot(page, 'admin-companies');

    await page.getByRole('link', { name: 'Usuários' }).click();
    await page.waitForURL(`${fixture.app.url}/admin/users`);
    await page.getByLabel('Nome').fill(requester.name);
    await page.getByLabel('E-mail').fill(requester.email);
    await page.getByLabel('Senha inicial').fill(requester.password);
    await page.getByLabel('Papel').selectOption('requester');
    await page.getByLabel('Empresa', { exact: true }).selectOption({ label: 'Padaria Pão Quente' });
    await page.getByRole('button', { name: 'Criar usuário' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'criad' }).textContent())
      .toBe(`Usuário ${requester.email} criado.`);
    await expect
      .poll(() => page.getByRole('cell', { name: requester.email }).isVisible())
      .toBe(true);
    await shot(page, 'admin-users');

    // The helpdesk's own settings: a category, the queues and the SLA targets.
    await page.getByRole('link', { name: 'Categorias' }).click();
    await page.waitForURL(`${fixture.app.url}/admin/categories`);
    await page.getByLabel('Nome').fill('Impressoras');
    await page.getByRole('button', { name: 'Criar categoria' }).click();
    await expect
      .poll(() => page.getByRole('listitem').filter({ hasText: 'Impressoras' }).count())
      .toBe(1);
    await page.getByRole('link', { name: 'Filas' }).click();
    await page.waitForURL(`${fixture.app.url}/admin/queues`);
    await expect.poll(() => page.getByRole('heading', { name: 'Geral' }).isVisible()).toBe(true);
    await shot(page, 'admin-queues');
    await page.getByRole('link', { name: 'SLA' }).click();
    await page.waitForURL(`${fixture.app.url}/admin/sla`);
    await page.getByLabel('Urgente – 1ª resposta (min)').fill('15');
    await page.getByRole('button', { name: 'Salvar prazos' }).click();
    await expect.poll(() => page.getByText('Prazos salvos.').isVisible()).toBe(true);
    await shot(page, 'admin-sla');

    await page.getByRole('button', { name: 'Sair' }).click();
    await page.waitForURL(`${fixture.app.url}/sign-in`);

    // The requester sees the helpdesk, without Máquinas or Admin.
    await signIn(page, requester.email, requester.password);
    await page.waitForURL(`${fixture.app.url}/`);
    await expect.poll(() => page.getByTestId('viewer').textContent()).toContain(requester.name);
    const nav = page.getByRole('navigation', { name: 'Navegação principal' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Chamados']);
    await shot(page, 'requester-home');

    // Their session cannot reach the admin pages or API.
    await page.goto(`${fixture.app.url}/admin/users`);
    await expect.poll(() => page.getByText('Acesso restrito').isVisible()).toBe(true);
    const apiStatus = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(apiStatus).toBe(403);

    await page.getByRole('button', { name: 'Sair' }).click();
    await page.waitForURL(`${fixture.app.url}/sign-in`);
    await page.goto(`${fixture.app.url}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('switches the interface to English and keeps it', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${fixture.app.url}/sign-in`);
    await page.getByLabel('Idioma').selectOption('en');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Sign in to Chamados');
    await page.reload();
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${fixture.app.url}/`);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Tickets', 'Machines', 'Admin']);
    await shot(page, 'admin-home-en');
    await context.close();
  });
});
