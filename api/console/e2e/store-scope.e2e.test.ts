/**
 * Store scope in the console, in Chromium against the real API: the admin creates a store manager
 * for store A; the manager logs in, lands on 概览 with store A's figures only, sees only store A's
 * order in 订单, store A's guide on its page, and a direct URL to store B's guide shows 无权访问
 * (the API answers 404). The audit log lists the account creation with operator and values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../miniapp/e2e/h5-driver';
import { HQ_TEST_PASSWORD, loginHq, startTestApp, type TestApp } from '../../test/harness';
import { ok } from '../../test/shopping';
import { aGuide, type GuideFixture } from '../../src/modules/guides/guides.test-support';
import { attributedOrder, PASSWORD } from '../../src/modules/hq-accounts/hq-access.test-support';

const CONSOLE_DIR = path.resolve(__dirname, '../../../dist/console');
const SHOTS = path.resolve(__dirname, '../../../.artifacts/screenshots');

let app: TestApp;
let browser: Browser;
let owner: string;
let guideA: GuideFixture;
let guideB: GuideFixture;
let orderNoA: string;
let orderNoB: string;
let nameA: string;

const orderNo = async (id: number) => String((await app.ds.query('SELECT order_no FROM shop_order WHERE id = ?', [id]))[0].order_no);

beforeAll(async () => {
  if (!fs.existsSync(path.join(CONSOLE_DIR, 'index.html'))) throw new Error('dist/console is missing: run `npm run build:console` (npm test does)');
  app = await startTestApp({ SERVE_CONSOLE: 'true', CONSOLE_DIR });
  owner = await loginHq(app);
  guideA = await aGuide(app, owner);
  guideB = await aGuide(app, owner);
  orderNoA = await orderNo(await attributedOrder(app, owner, guideA));
  orderNoB = await orderNo(await attributedOrder(app, owner, guideB));
  // 概览 reads the daily aggregates, which the orders' outbox events feed (the harness leaves them to the job).
  await app.services.outbox.drain();
  nameA = ok(await app.api.get(`/api/hq/guides/${guideA.id}`, owner)).name;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function consoleLogin(username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await page.goto(`${app.url}/hq/#/login`);
  await page.locator('#hq-username').fill(username);
  await page.locator('#hq-password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  return page;
}

test('a store manager sees only their store; another store\'s guide shows 无权访问; the audit log has the account creation', async () => {
  // The admin lands on 概览 (both stores' orders today) and creates the store manager.
  const admin = await consoleLogin('admin', HQ_TEST_PASSWORD);
  await admin.getByText('GMV 趋势（近 30 日，北京时间按天）').waitFor();
  await admin.locator('[data-testid="gmv-trend"] canvas').first().waitFor();
  fs.mkdirSync(SHOTS, { recursive: true });
  await admin.screenshot({ path: path.join(SHOTS, 'console-overview.png'), fullPage: true });
  const created = ok(await app.api.post('/api/hq/accounts', { username: 'mgrA', password: PASSWORD, role: 'store_manager', storeId: guideA.storeId }, owner), 201);

  const mgr = await consoleLogin('mgrA', PASSWORD);
  await mgr.getByText(`仅本门店数据（门店 #${guideA.storeId}）`).waitFor();
  await mgr.getByText(nameA, { exact: true }).first().waitFor();
  // The menu offers no page the API would refuse a store manager (系统 is HQ-wide).
  expect(await mgr.getByText('系统', { exact: true }).count()).toBe(0);

  await mgr.goto(`${app.url}/hq/#/orders`);
  await mgr.getByText(orderNoA).first().waitFor();
  expect(await mgr.getByText(orderNoB).count()).toBe(0);

  await mgr.goto(`${app.url}/hq/#/guides/${guideA.id}`);
  await mgr.getByText(`导购：${nameA}`).waitFor();
  await mgr.goto(`${app.url}/hq/#/guides/${guideB.id}`);
  await mgr.getByText('无权访问').waitFor();
  expect(await mgr.getByText(`导购：`).count()).toBe(0);
  await mgr.screenshot({ path: path.join(SHOTS, 'console-no-access.png') });
  const direct = await app.api.get(`/api/hq/guides/${guideB.id}`, (await app.api.post('/api/hq/auth/login', { username: 'mgrA', password: PASSWORD })).body.data.token);
  expect([direct.status, direct.body.data ?? null]).toEqual([404, null]);

  const audit = ok(await app.api.get(`/api/hq/audit?objectType=accounts&objectId=${created.id}`, owner));
  expect(audit.items[0]).toMatchObject({ username: 'admin', role: 'owner', action: 'POST /api/hq/accounts', after: { username: 'mgrA', role: 'store_manager', storeId: guideA.storeId } });
}, 120_000);
