/**
 * The HQ console in Chromium, served by the real API at /hq/ (the build `npm test` makes before
 * jest): a direct link while logged out goes to 登录 and comes back after it; the orders list
 * shows a real order in Beijing time and yuan; a wrong password is refused next to nothing but
 * the alert; 事件投递 shows its empty state; a session that expires while a form is being filled
 * asks for the password over the page, keeps the form, and the same submit then goes through
 * (the server's clock is moved past the HQ token's 8 hours). Screenshots go to .artifacts/screenshots/ (the README's copy is in miniapp/docs/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../miniapp/e2e/h5-driver';
import { formatFen } from '@common/money';
import { placeOrder } from '../../test/payments';
import { HQ_TEST_PASSWORD, loginHq, startTestApp, type TestApp } from '../../test/harness';

const CONSOLE_DIR = path.resolve(__dirname, '../../../dist/console');
const SHOTS = path.resolve(__dirname, '../../../.artifacts/screenshots');

let app: TestApp;
let browser: Browser;
let page: Page;
/** How far the server's clock is ahead of the real one (the last test lets time pass). */
let skewMs = 0;

beforeAll(async () => {
  if (!fs.existsSync(path.join(CONSOLE_DIR, 'index.html'))) throw new Error('dist/console is missing: run `npm run build:console` (npm test does)');
  app = await startTestApp({ SERVE_CONSOLE: 'true', CONSOLE_DIR }, { now: () => new Date(Date.now() + skewMs) });
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

test('a session that expires while editing keeps the form; after logging in again the same submit goes through', async () => {
  await page.goto(`${app.url}/hq/#/guides/stores`);
  await page.getByRole('button', { name: /新建门店/ }).click();
  await page.locator('#store-name').fill('过期测试店');
  await page.locator('#store-code').fill('a b');
  await page.locator('#store-city').fill('杭州');
  // The rule derived from the API's schema refuses the code next to its field, as the API would.
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await page.getByText('门店编码格式不对').waitFor();
  await page.locator('#store-code').fill('EXP-01');

  // Nine hours pass on the server: the 8-hour HQ token has run out while the form was open.
  skewMs = 9 * 3600_000;
  await page.getByRole('button', { name: /创\s*建/ }).click();
  const relogin = page.locator('.ant-modal', { hasText: '登录已过期，请重新登录' });
  await relogin.waitFor();
  // The form under the dialog is as typed, and nothing was saved.
  expect(await page.locator('#store-name').inputValue()).toBe('过期测试店');
  expect(await page.locator('#store-code').inputValue()).toBe('EXP-01');
  const hq = await loginHq(app);
  const codes = async () => ((await app.api.get('/api/hq/stores?keyword=EXP-01', hq)).body.data.items as { code: string }[]).filter((s) => s.code === 'EXP-01').length;
  expect(await codes()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, 'console-session-expired.png') });

  // The password again: the dialog goes, and the waiting submit is made again — once.
  await relogin.locator('input[type=password]').fill(HQ_TEST_PASSWORD);
  await relogin.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('门店已创建').waitFor();
  await page.getByRole('cell', { name: 'EXP-01' }).waitFor();
  expect(await codes()).toBe(1);
}, 90_000);
