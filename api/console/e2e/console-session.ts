/**
 * Console sessions for the browser journeys: the real API serving dist/console (with the demo
 * store unless told otherwise), Chromium, and the admin logged in on 概览.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../miniapp/e2e/h5-driver';
import { HQ_TEST_PASSWORD, startTestApp, type TestApp } from '../../test/harness';

export const CONSOLE_DIR = path.resolve(__dirname, '../../../dist/console');
export const SHOTS = path.resolve(__dirname, '../../../.artifacts/screenshots');

/** Logs the admin in through the login form; the console lands on 概览 (#/). */
export async function loginAdmin(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/hq/#/login`);
  await page.locator('#hq-username').fill('admin');
  await page.locator('#hq-password').fill(HQ_TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.hash === '#/' || u.hash === '');
}

/**
 * Registers the file's beforeAll/afterAll: the app, Chromium and a logged-in page, read through
 * the returned object once the tests run.
 */
export function withConsole(env: Record<string, string> = { SEED_DEMO: 'true' }): { readonly app: TestApp; readonly page: Page } {
  let app: TestApp | undefined;
  let page: Page | undefined;
  let close = async () => {};
  beforeAll(async () => {
    if (!fs.existsSync(path.join(CONSOLE_DIR, 'index.html'))) throw new Error('dist/console is missing: run `npm run build:console` (npm test does)');
    const started = await startTestApp({ SERVE_CONSOLE: 'true', CONSOLE_DIR, ...env });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    close = async () => {
      await browser.close();
      await started.close();
    };
    app = started;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'America/New_York' });
    await loginAdmin(page, started.url);
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 90_000);
  afterAll(() => close());
  return {
    get app() {
      return app!;
    },
    get page() {
      return page!;
    },
  };
}

/**
 * Picks `option` in an Ant Design select and waits until the select shows it and its dropdown has
 * closed. On a loaded machine a click can land while the dropdown is still opening or its options
 * are re-rendered (they load after it opens): the dropdown then stays open over the next field, so
 * the pick is made again rather than assumed.
 */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    if (!(await open.count())) await select.click();
    // A dropdown that closes under the click (its select re-rendered, a modal still animating in)
    // leaves the option hidden for good: give up on this click after a few seconds and try again.
    const clicked = await open
      .locator('.ant-select-item-option', { hasText: option })
      .first()
      .click({ timeout: 5_000 })
      .then(() => true, () => false);
    if (!clicked) {
      await select.click({ timeout: 5_000 }).catch(() => undefined); // toggles a stuck dropdown shut
      await open.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
    }
    const chosen = clicked && await select
      .locator('.ant-select-selection-item', { hasText: option })
      .waitFor({ timeout: 5_000 })
      .then(() => true, () => false);
    if (chosen) {
      await open.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => page.keyboard.press('Escape'));
      if (!(await open.count())) return;
    }
    if (attempt === 4) throw new Error(`could not choose ${String(option)}`);
  }
}
