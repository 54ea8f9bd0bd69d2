/**
 * HQ login over its request-rate limit, in Chromium: the console shows the API's Chinese copy
 * (RATE_LIMITED), not a generic failure, and the same form logs in once the bucket has refilled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ERROR_MESSAGES } from '@common/errors';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../miniapp/e2e/h5-driver';
import { HQ_TEST_PASSWORD, startTestApp } from '../../test/harness';

const CONSOLE_DIR = path.resolve(__dirname, '../../../dist/console');

test('HQ login past its rate limit shows 操作太频繁, and goes through once the bucket refills', async () => {
  if (!fs.existsSync(path.join(CONSOLE_DIR, 'index.html'))) throw new Error('dist/console is missing: run `npm run build:console` (npm test does)');
  // Two logins from this address, then one every 100 s: the test moves the server's clock instead.
  let clock = Date.now();
  const app = await startTestApp({ SERVE_CONSOLE: 'true', CONSOLE_DIR, RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_HQ_LOGIN_ADDRESS: '2/0.01' }, { now: () => new Date(clock) });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await page.goto(`${app.url}/hq/#/login`);
    /** Submits the form and answers the status the API gave it. */
    const submit = async (password: string) => {
      await page.locator('#hq-username').fill('admin');
      await page.locator('#hq-password').fill(password);
      const answered = page.waitForResponse((res) => res.url().endsWith('/api/hq/auth/login'));
      await page.getByRole('button', { name: /登\s*录/ }).click();
      return (await answered).status();
    };
    expect(await submit('wrong-password-1')).toBe(401);
    expect(await submit('wrong-password-2')).toBe(401);
    await page.getByText('账号或密码错误').waitFor();
    // The right password, but the address has spent its two logins.
    expect(await submit(HQ_TEST_PASSWORD)).toBe(429);
    await page.getByText(ERROR_MESSAGES.RATE_LIMITED).waitFor();
    expect(page.url()).toContain('#/login');

    clock += 100_000;
    expect(await submit(HQ_TEST_PASSWORD)).toBe(200);
    await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  } finally {
    await browser.close();
    await app.close();
  }
}, 120_000);
