/**
 * The HQ console in Chromium, served by the real API at /hq/ (the build `npm test` makes before
 * jest): a direct link while logged out goes to 登录 and comes back after it; the orders list
 * shows a real order in Beijing time and yuan; a wrong password is refused next to nothing but
 * the alert; 事件投递 shows its empty state. Screenshots go to .artifacts/screenshots/ (the README's copy is in miniapp/docs/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../miniapp/e2e/h5-driver';
import { formatFen } from '@common/money';
import { placeOrder } from '../../test/payments';
import { HQ_TEST_PASSWORD, startTestApp, type TestApp } from '../../test/harness';

const CONSOLE_DIR = path.resolve(__dirname, '../../../dist/console');
const SHOTS = path.resolve(__dirname, '../../../.artifacts/screenshots');

let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(path.join(CONSOLE_DIR, 'index.html'))) throw new Error('dist/console is missing: run `npm run build:console` (npm test does)');
  app = await startTestApp({ SERVE_CONSOLE: 'true', CONSOLE_DIR });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'America/New_York' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('a direct link while logged out asks for a login, then lands on the page asked for', async () => {
  const order = await placeOrder(app, { priceFen: 12_345, quantity: 1 });
  await page.goto(`${app.url}/hq/#/orders`);
  await page.getByRole('button', { name: /登\s*录/ }).waitFor();
  expect(page.url()).toContain('#/login?next=%2Forders');

  await page.locator('#hq-username').fill('admin');
  await page.locator('#hq-password').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('账号或密码错误').waitFor();

  await page.locator('#hq-password').fill(HQ_TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText(order.orderNo).first().waitFor();
  expect(page.url()).toContain('#/orders');
  // Money in yuan from fen; the row shows the order's status label.
  await page.getByText(formatFen(order.payableFen)).first().waitFor();
  // Beijing time whatever the browser's zone (this page runs in New York time).
  const beijing = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await page.getByText(new RegExp(`^${beijing} \\d{2}:\\d{2}:\\d{2}$`)).first().waitFor();
  await page.getByText('待付款').first().waitFor();
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'console-orders.png') });
}, 90_000);

test('事件投递 shows its empty state when nothing is stuck', async () => {
  await page.goto(`${app.url}/hq/#/system/outbox`);
  await page.getByText('没有卡住的事件投递，一切正常').waitFor();
}, 60_000);

test('the console is served compressed and cached like the storefront', async () => {
  const html = await fetch(`${app.url}/hq/`);
  expect(html.status).toBe(200);
  expect(html.headers.get('cache-control')).toBe('no-cache');
  const entry = /src="\/hq\/(assets\/[^"]+\.js)"/.exec(await html.text())![1];
  const js = await fetch(`${app.url}/hq/${entry}`, { headers: { 'Accept-Encoding': 'br' } });
  expect(js.headers.get('content-encoding')).toBe('br');
  expect(js.headers.get('cache-control')).toContain('immutable');
  // fetch inflates the body; the bytes on the wire are the Content-Length of the brotli copy.
  const bytes = Number(js.headers.get('content-length'));
  expect(bytes).toBeGreaterThan(0);
  // The first screen's JS budget (issue: at most 600 KiB compressed).
  expect(bytes).toBeLessThan(600 * 1024);
});
