/**
 * Server-paged HQ lists in Chromium (issue 15): 拼团秒杀 filters by title through the API,
 * 轮播图 pages on the server (22 banners: 20 on the first page, 2 on the second), 导购 filters by
 * name on the server and 积分对账 keeps just the page's inconsistent account.
 * Needs dist/console (npm run build:console; npm test does).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../miniapp/e2e/h5-driver';
import { HQ_TEST_PASSWORD, loginHq, loginShopper, startTestApp, type TestApp } from '../../test/harness';
import { createSku, ok } from '../../test/shopping';
import { chooseOption } from './console-session';

const CONSOLE_DIR = path.resolve(__dirname, '../../../dist/console');

let app: TestApp;
let browser: Browser;
let page: Page;
let hq: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(CONSOLE_DIR, 'index.html'))) throw new Error('dist/console is missing: run `npm run build:console` (npm test does)');
  app = await startTestApp({ SERVE_CONSOLE: 'true', CONSOLE_DIR });
  hq = await loginHq(app);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('拼团秒杀 filters by title on the server; 轮播图 pages on the server', async () => {
  const sku = await createSku(app, hq, 9900, 100);
  for (const title of ['冬日暖饮团', '春季新品团']) {
    const body = { title, skuId: sku.skuId, groupPriceFen: 6900, groupSize: 2, stock: 10, startAt: '2026-12-01 10:00', endAt: '2026-12-02 10:00', groupHours: 2, perShopperLimit: 1 };
    ok(await app.api.post('/api/hq/groupbuy/campaigns', body, hq), 201);
  }
  for (let i = 1; i <= 22; i++) ok(await app.api.post('/api/hq/banners', { title: `横幅${String(i).padStart(2, '0')}`, image: '/assets/banners/a.svg', sort: i }, hq), 201);

  await page.goto(`${app.url}/hq/#/campaigns`);
  await page.locator('#hq-username').fill('admin');
  await page.locator('#hq-password').fill(HQ_TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('春季新品团').waitFor();
  await page.getByText('冬日暖饮团').waitFor();
  const asked = page.waitForRequest((r) => r.url().includes('/api/hq/groupbuy/campaigns?') && r.url().includes(`keyword=${encodeURIComponent('冬日')}`));
  await page.locator('#keyword').fill('冬日');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await asked;
  await page.getByText('春季新品团').waitFor({ state: 'detached' });
  await page.getByText('冬日暖饮团').waitFor();

  await page.goto(`${app.url}/hq/#/catalogue/banners`);
  await page.getByText('共 22 张').waitFor();
  await page.getByText('横幅20', { exact: true }).waitFor();
  expect(await page.getByText('横幅21', { exact: true }).count()).toBe(0);
  await page.locator('.ant-pagination-item-2').click();
  await page.getByText('横幅22', { exact: true }).waitFor();
  expect(await page.getByText('横幅01', { exact: true }).count()).toBe(0);
}, 120_000);

test("导购 filters by name on the server; 积分对账 keeps just the page's inconsistent account", async () => {
  const storeId = ok(await app.api.post('/api/hq/stores', { name: '列表门店', code: 'E2E-LIST', city: '上海' }, hq), 201).id;
  for (const [name, wecomUserId] of [['林列表', 'e2e.lin'], ['郑列表', 'e2e.zheng']]) ok(await app.api.post('/api/hq/guides', { name, wecomUserId, storeId }, hq), 201);
  const [clean, broken] = [await loginShopper(app), await loginShopper(app)];
  for (const s of [clean, broken]) ok(await app.api.post('/api/hq/points/grant', { memberId: s.memberId, points: 30, reason: '对账' }, hq), 201);
  await app.ds.query('UPDATE points_account SET balance = balance + 5 WHERE member_id = ?', [broken.memberId]);

  await page.goto(`${app.url}/hq/#/guides/list`);
  await page.getByText('林列表').waitFor();
  await page.getByText('郑列表').waitFor();
  const asked = page.waitForRequest((r) => r.url().includes('/api/hq/guides?') && r.url().includes(`keyword=${encodeURIComponent('郑')}`));
  await page.locator('#keyword').fill('郑');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await asked;
  await page.getByText('林列表').waitFor({ state: 'detached' });
  await page.getByText('郑列表').waitFor();

  await page.goto(`${app.url}/hq/#/members/consistency`);
  await page.getByText(`#${clean.memberId}`, { exact: true }).waitFor();
  await page.getByText(/本页核对 \d+ 个账户，1 个不一致/).waitFor();
  const onlyBad = page.waitForRequest((r) => r.url().includes('/api/hq/points/consistency?') && r.url().includes('onlyMismatched=true'));
  await chooseOption(page, page.locator('.ant-select:has(#onlyMismatched)'), /^是$/);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await onlyBad;
  await page.getByText(`#${clean.memberId}`, { exact: true }).waitFor({ state: 'detached' });
  const row = page.getByRole('row').filter({ hasText: `#${broken.memberId}` });
  await row.getByText('不一致').waitFor();
  expect(await row.innerText()).toContain('35 / 30 / 30');
}, 120_000);
