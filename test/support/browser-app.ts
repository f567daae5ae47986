import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type AppProcess, ensureBuild, repoRoot, startApp } from './app-process.ts';
import { launchBrowser } from './browser.ts';

export const screenshots = path.join(repoRoot, 'test-results', 'screenshots');

export interface BrowserAppFixture {
  app: AppProcess;
  browser: Browser;
  /** Saves a full-page screenshot under test-results/screenshots. */
  shot(page: Page, name: string): Promise<Buffer>;
}

/**
 * Gives the test file the real server on a fresh embedded database with this first admin, and
 * a Chromium: started before its tests, stopped and removed after them.
 */
export function setupBrowserApp(admin: { email: string; password: string }): BrowserAppFixture {
  let dataDir = '';
  const fixture = {
    shot: (page: Page, name: string) =>
      page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true }),
  } as BrowserAppFixture;

  beforeAll(async () => {
    ensureBuild();
    mkdirSync(screenshots, { recursive: true });
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'chamados-browser-'));
    fixture.app = await startApp({
      DATA_DIR: dataDir,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    });
    fixture.browser = await launchBrowser();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return fixture;
}
