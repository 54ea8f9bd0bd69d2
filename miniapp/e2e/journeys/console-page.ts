/**
 * HQ's console (the build served at /hq/) in its own desktop-sized Chromium, logged in as the
 * demo admin, for journeys whose last step happens at HQ or at the store's counter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../h5-driver';
import { ROOT } from '../paths';

export async function inConsole(base: string, steps: (page: Page) => Promise<void>): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist/console/index.html'))) throw new Error('dist/console is missing: run `npm run build:console` (npm test does)');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
    await page.goto(`${base}/hq/#/login`);
    await page.locator('#hq-username').fill('admin');
    await page.locator('#hq-password').fill('loopmall-admin');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('GMV 趋势', { exact: false }).first().waitFor();
    await steps(page);
  } finally {
    await browser.close();
  }
}

/** A screenshot of the console for the README (`.artifacts/screenshots/<name>.png`). */
export async function consoleShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(path.join(ROOT, '.artifacts/screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, `.artifacts/screenshots/${name}.png`) });
}
