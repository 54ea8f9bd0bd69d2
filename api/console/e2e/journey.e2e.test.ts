/**
 * The console's loop in Chromium, served by the real API with the H5 storefront beside it:
 * 1. an admin creates a product with two SKUs (颜色 白色/黑色) and an uploaded picture, and
 *    schedules a 2-person group-buy on it; the shopper's 首页 shows the campaign;
 * 2. the shopper buys the product; the admin ships it with a tracking number from 订单; the
 *    shopper sees 待收货;
 * 3. the shopper buys again and asks for a refund; a 财务 account approves part of it in 退款审核;
 *    the shopper's order page shows the refund (status and amount);
 * 5. 操作日志 lists the steps above with their operator and the values before and after.
 * Needs dist/console (npm run build:console) and dist/h5 (npm run build:h5).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, H5Driver } from '../../../miniapp/e2e/h5-driver';
import { openSku, buyNowToConfirm } from '../../../miniapp/e2e/journeys/steps';
import type { ProductDetailDto } from '@common/catalogue/types';
import { formatFen, parseYuan } from '@common/money';
import { HQ_TEST_PASSWORD, loginHq, startTestApp, type TestApp } from '../../test/harness';

const ROOT = path.resolve(__dirname, '../../..');
const CONSOLE_DIR = path.join(ROOT, 'dist/console');
const H5_DIR = path.join(ROOT, 'dist/h5');
const SHOTS = path.join(ROOT, '.artifacts/screenshots');
// A 1×1 PNG: the upload route checks the bytes, not the name.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');
const TITLE = `控制台联调T恤${Date.now() % 10000}`;
const FINANCE = { username: 'caiwu01', password: 'finance-pass-2026' };
const REFUND_YUAN = '20.5';

/** Beijing wall-clock text, as the console's campaign form takes it. */
const beijingText = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

let app: TestApp;
let browser: Browser;
let page: Page;
let shopper: H5Driver;
let dataDir: string;

beforeAll(async () => {
  for (const dir of [CONSOLE_DIR, H5_DIR]) if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${path.relative(ROOT, dir)} is missing: npm run build:console && npm run build:h5`);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopmall-console-journey-'));
  app = await startTestApp({ SERVE_CONSOLE: 'true', CONSOLE_DIR, SERVE_H5: 'true', H5_DIR, DATA_DIR: dataDir });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'America/New_York' });
  fs.mkdirSync(SHOTS, { recursive: true });
}, 90_000);

afterAll(async () => {
  await shopper?.close();
  await browser?.close();
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `console-${name}.png`) });

/** 退出 and log in again as another account (the console lands on 概览). */
async function consoleLogin(username: string, password: string) {
  if (await page.getByRole('button', { name: /退\s*出/ }).count()) await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.goto(`${app.url}/hq/#/login`);
  await page.locator('#hq-username').fill(username);
  await page.locator('#hq-password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.hash === '#/' || u.hash === '');
}

/** The shopper buys the 黑色 SKU (the first time with a new address) and pays; its order number. */
async function shopperBuysBlack(hq: string, firstTime: boolean): Promise<string> {
  const list = (await app.api.get(`/api/hq/products?keyword=${encodeURIComponent(TITLE)}`, hq)).body.data;
  const product = (await app.api.get(`/api/products/${list.items[0].id}`)).body.data as ProductDetailDto;
  const sku = product.skus.find((s) => s.specs.颜色 === '黑色')!;
  await openSku(shopper, { product, sku });
  await buyNowToConfirm(shopper, firstTime);
  await shopper.tap('.order-submit');
  await shopper.waitFor('.dev-pay-confirm');
  await shopper.tap('.dev-pay-confirm');
  await shopper.waitFor('.order-status', { text: '待发货' });
  return (await shopper.texts('.order-no'))[0];
}

async function pickOption(selectId: string, text: string, search?: string) {
  await page.locator(`.ant-select:has(#${selectId})`).click();
  if (search) await page.locator(`#${selectId}`).fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

test('an admin creates a product with two SKUs and a picture and schedules a group-buy; 首页 shows it', async () => {
  const hq = await loginHq(app);
  const category = await app.api.post('/api/hq/categories', { name: '控制台分类' }, hq);
  expect(category.status).toBe(201);

  await page.goto(`${app.url}/hq/#/login`);
  await page.locator('#hq-username').fill('admin');
  await page.locator('#hq-password').fill(HQ_TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // Logged in: the console lands on 概览 (#/).
  await page.waitForURL((u) => u.hash === '#/' || u.hash === '');

  // 商品 → 新建商品: fields, a picture, specs 颜色 = 白色, 黑色 → two SKU rows.
  await page.goto(`${app.url}/hq/#/products/new`);
  await page.locator('#product-title').fill(TITLE);
  await pickOption('product-category', '控制台分类');
  await pickOption('product-status', '在售');
  await page.locator('input[type=file]').first().setInputFiles({ name: 'tee.png', mimeType: 'image/png', buffer: PNG });
  await page.locator('.ant-upload-list-item-done').first().waitFor();
  await page.getByRole('button', { name: /添加规格/ }).click();
  await page.locator('#specs_0_name').fill('颜色');
  // Typed as an operator pastes a list: the separators make each value a tag.
  await page.locator('#specs_0_values').fill('白色,黑色,');
  await page.getByLabel('售价').nth(1).waitFor();
  // A 划线价 not above the price is refused next to the field, by the form's rule (the API's own).
  await page.getByLabel('售价').nth(0).fill('59.9');
  await page.getByLabel('划线价').nth(0).fill('59');
  await page.getByLabel('售价').nth(1).fill('61');
  await page.getByLabel('库存').nth(0).fill('30');
  await page.getByLabel('库存').nth(1).fill('20');
  await page.locator('#product-save').click();
  await page.getByText('划线价必须高于售价').waitFor();
  await page.getByLabel('划线价').nth(0).fill('79');
  await page.getByText('划线价必须高于售价').waitFor({ state: 'detached' });
  await page.getByText('规格与 SKU').scrollIntoViewIfNeeded();
  await shot('product-edit');
  await page.locator('#product-save').click();
  await page.waitForURL(/#\/products\/\d+$/);
  const productId = Number(/products\/(\d+)$/.exec(page.url())![1]);
  const product = (await app.api.get(`/api/hq/products/${productId}`, hq)).body.data as ProductDetailDto;
  expect(product.skus.map((s) => [s.specs.颜色, s.priceFen, s.originalPriceFen, s.stock])).toEqual([
    ['白色', 5990, 7900, 30],
    ['黑色', 6100, null, 20],
  ]);
  expect(product.images[0]).toMatch(/^\/uploads\/images\/[0-9a-f]{64}\.png$/);
  await page.goto(`${app.url}/hq/#/products`);
  await page.getByText(TITLE).first().waitFor();
  await shot('products');

  // 拼团秒杀 → 新建活动 on the 白色 SKU, then 发布; the counts show on the list.
  await page.goto(`${app.url}/hq/#/campaigns`);
  await page.getByRole('button', { name: /新建活动/ }).click();
  await page.locator('#campaign-title').fill(`${TITLE} 2人团`);
  await pickOption('campaign-product', TITLE, TITLE.slice(0, 6));
  await pickOption('campaign-sku', '白色');
  await page.locator('#campaign-price').fill('39.9');
  await page.locator('#campaign-stock').fill('10');
  await page.locator('#campaign-start').fill(beijingText(Date.now() - 60_000));
  await page.locator('#campaign-end').fill(beijingText(Date.now() + 3 * 24 * 3600_000));
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText(`${TITLE} 2人团`).waitFor();
  await page.getByText('发布', { exact: true }).first().click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('进行中').first().waitFor();
  await page.getByText('0 / 0 / 10（共 10）').waitFor();
  await shot('campaigns');

  // The shopper's 首页 shows the campaign in its strip.
  shopper = await H5Driver.launch(app.url);
  await shopper.open('pages/index/index');
  await shopper.waitFor('.flash-strip__name', { text: `${TITLE} 2人团` });
  await shopper.screenshot('console-campaign-home');
}, 240_000);

test('the shopper buys; the admin ships with a tracking number; the shopper sees 待收货', async () => {
  const hq = await loginHq(app);
  const orderNo = await shopperBuysBlack(hq, true);

  // 订单: find it by its number, 发货 with 顺丰 and a tracking number.
  await page.goto(`${app.url}/hq/#/orders`);
  await page.locator('input#orderNo').fill(orderNo);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByText('发货', { exact: true }).first().click();
  await pickOption('ship-carrier', '顺丰速运');
  await page.locator('#ship-tracking').fill('SF1234567890');
  await page.getByRole('button', { name: /确认发货/ }).click();
  await page.getByText('已发货').first().waitFor();
  await shot('orders-shipped');

  await shopper.open('packages/order/list/index', { tab: 'shipped' });
  await shopper.waitFor('.order-card__status', { text: '待收货' });
  await shopper.screenshot('console-order-shipped');
  expect(shopper.problems()).toEqual([]);
}, 240_000);

test('the shopper asks for a refund; 财务 approves part of it in the console; the shopper sees the refund', async () => {
  const hq = await loginHq(app);
  expect((await app.api.post('/api/hq/accounts', { ...FINANCE, role: 'finance' }, hq)).status).toBe(201);
  const orderNo = await shopperBuysBlack(hq, false);
  // 申请退款 on the order page: the whole amount, with a reason.
  await shopper.tap('.refund-button');
  await shopper.tap('.refund-sheet__reason');
  await shopper.tap('.refund-sheet__submit');
  await shopper.waitFor('.order-refund__status', { text: '待审核' });

  // 财务 logs in and approves part of it in 订单 → 退款审核.
  await consoleLogin(FINANCE.username, FINANCE.password);
  await page.goto(`${app.url}/hq/#/orders/refunds`);
  const row = page.locator('tr', { hasText: orderNo });
  await row.getByRole('button', { name: /^同\s*意$/ }).click();
  await page.locator('#refund-amount').fill(REFUND_YUAN);
  await shot('refund-review');
  await page.getByRole('button', { name: /同意退款/ }).click();
  await page.getByText('已同意退款').waitFor();
  // Reviewed: it leaves the 待审核 list.
  await row.waitFor({ state: 'detached' });

  // The shopper's order page: the refund, its status and the approved (partial) amount.
  const order = (await app.api.get(`/api/hq/orders?orderNo=${orderNo}`, hq)).body.data.items[0];
  await shopper.open('packages/order/detail/index', { id: String(order.id) });
  await shopper.waitFor('.order-refund__status', { text: '退款成功' });
  await shopper.waitFor('.order-refund', { text: formatFen(parseYuan(REFUND_YUAN)!) });
  await shopper.screenshot('console-order-refunded');
  expect(shopper.problems()).toEqual([]);
}, 240_000);

test('操作日志 lists the journey with operator and before/after values', async () => {
  await consoleLogin('admin', HQ_TEST_PASSWORD);
  await page.goto(`${app.url}/hq/#/system/audit`);
  // The admin's steps: the product, the campaign and its 发布, the shipment; the 财务's approval.
  for (const action of ['POST /api/hq/products', 'POST /api/hq/groupbuy/campaigns', 'POST /api/hq/groupbuy/campaigns/:id/schedule', 'POST /api/hq/orders/:id/ship', 'POST /api/hq/refunds/:id/approve']) {
    await page.getByText(action, { exact: true }).first().waitFor();
  }
  const approval = page.locator('tr', { hasText: 'POST /api/hq/refunds/:id/approve' });
  await approval.getByText(FINANCE.username).first().waitFor();
  await approval.getByText('财务', { exact: true }).waitFor();
  // Expanded: before (the request as asked, 待审核) and after (the approved part, 退款成功).
  await approval.locator('.ant-table-row-expand-icon').click();
  const values = page.locator('.ant-table-expanded-row').first();
  await values.getByText('修改前').waitFor();
  await values.locator('pre').first().getByText('"status": "requested"').waitFor();
  await values.locator('pre').nth(1).getByText(`"amountFen": ${parseYuan(REFUND_YUAN)}`).waitFor();
  await values.locator('pre').nth(1).getByText('"status": "succeeded"').waitFor();
  // The shipment's row names the admin and the tracking number it set.
  const ship = page.locator('tr', { hasText: 'POST /api/hq/orders/:id/ship' });
  await ship.getByText('admin').first().waitFor();
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
  await shot('audit-journey');
}, 120_000);
