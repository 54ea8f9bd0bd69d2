/**
 * 会员与积分 and 门店与导购 in Chromium against the real API at /hq/: an admin finds a member by
 * nickname, grants points with a reason (a refused amount shows by its field), sees the ledger row
 * and the balance; creates a guide, copies its binding code (the code links a shopper's account);
 * exports a guide's monthly commission CSV and checks what Excel would open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../miniapp/e2e/h5-driver';
import { placeOrder } from '../../test/payments';
import { ok } from '../../test/shopping';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../test/harness';
import { chooseOption, loginAdmin } from './console-session';

const CONSOLE_DIR = path.resolve(__dirname, '../../../dist/console');
const SHOTS = path.resolve(__dirname, '../../../.artifacts/screenshots');

let app: TestApp;
let browser: Browser;
let page: Page;
let hq: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(CONSOLE_DIR, 'index.html'))) throw new Error('dist/console is missing: run `npm run build:console` (npm test does)');
  app = await startTestApp({ SERVE_CONSOLE: 'true', CONSOLE_DIR });
  hq = await loginHq(app);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', timezoneId: 'America/New_York', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  page = await context.newPage();
  await loginAdmin(page, app.url);
  fs.mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('an admin finds a member, grants points with a reason, and sees the ledger row and the balance', async () => {
  const shopper = await loginShopper(app);
  await app.ds.query('UPDATE member SET nickname = ? WHERE id = ?', ['林小满', shopper.memberId]);
  const order = await placeOrder(app, { priceFen: 8_800, hq, shopper });

  await page.goto(`${app.url}/hq/#/members/list`);
  await page.getByPlaceholder('会员ID、手机号或昵称').fill('林小');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByRole('cell', { name: '林小满' }).waitFor();
  await page.getByRole('link', { name: '详情' }).click();
  await page.getByText(`会员 #${shopper.memberId}`).waitFor();
  await page.getByText('暂无积分记录').waitFor();
  await page.getByTestId('points-balance').filter({ hasText: /^0$/ }).waitFor();

  await page.getByRole('button', { name: '调整积分' }).click();
  // 0 points: the rule derived from the API's schema (minimum 1) refuses it under the 积分 field.
  await page.locator('#adjust-points').fill('0');
  await page.locator('#adjust-reason').fill('客诉补偿');
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await page.locator('.ant-form-item').filter({ has: page.locator('#adjust-points') }).locator('.ant-form-item-explain-error').filter({ hasText: '积分数量不能小于 1' }).waitFor();
  await page.locator('#adjust-points').fill('300');
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await page.getByRole('cell', { name: '客诉补偿' }).waitFor();
  await page.getByTestId('points-balance').filter({ hasText: /^300$/ }).waitFor();
  await page.getByRole('cell', { name: '总部发放' }).waitFor();
  await page.getByRole('cell', { name: '+300' }).first().waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'console-member.png') });

  // The orders tab reads the member's orders from the orders module.
  await page.getByRole('tab', { name: '订单' }).click();
  await page.getByText(order.orderNo).waitFor();
  const ledger = ok(await app.api.get(`/api/hq/points/members/${shopper.memberId}/ledger`, hq));
  expect(ledger.items).toEqual([expect.objectContaining({ kind: 'grant', reason: '客诉补偿', points: 300 })]);
}, 120_000);

test("the owner reveals a member's phone on 会员详情, and 操作日志 records who saw it without the number", async () => {
  const shopper = await loginShopper(app);
  ok(await app.api.post('/api/me/member-card/open', { code: app.fakeWechat!.mintPhoneCode('13800138000') }, shopper.token));
  await page.goto(`${app.url}/hq/#/members/${shopper.memberId}`);
  await page.getByTestId('member-phone').filter({ hasText: '138****8000' }).waitFor();
  await page.getByRole('button', { name: '查看完整号码' }).click();
  await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: /查\s*看/ }).click();
  await page.getByTestId('member-phone').filter({ hasText: /^13800138000$/ }).waitFor();
  await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
  await page.screenshot({ path: path.join(SHOTS, 'console-member-phone.png') });

  const log = ok(await app.api.get(`/api/hq/audit?objectType=${encodeURIComponent('members/phone')}&objectId=${shopper.memberId}`, hq));
  expect(log.items).toEqual([expect.objectContaining({ username: 'admin', action: 'POST /api/hq/members/:id/phone/reveal', after: expect.objectContaining({ maskedPhone: '138****8000', fullPhone: '[redacted]' }) })]);
}, 120_000);

test('an admin creates a guide and copies its binding code, which links a shopper', async () => {
  ok(await app.api.post('/api/hq/stores', { name: '徐汇旗舰店', code: 'XH-E2E', city: '上海' }, hq), 201);
  await page.goto(`${app.url}/hq/#/guides/list`);
  await page.getByRole('button', { name: '新建导购' }).click();
  await page.locator('#guide-name').fill('周晓');
  await page.locator('#guide-wecom').fill('zhouxiao');
  await chooseOption(page, page.locator('.ant-select:has(#guide-store)'), '徐汇旗舰店（上海）');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  const row = page.getByRole('row').filter({ hasText: '周晓' });
  await row.waitFor();
  await row.getByRole('button', { name: '绑定码' }).click();
  const code = (await page.getByTestId('binding-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  await page.getByTestId('binding-code').locator('.ant-typography-copy').click();
  await page.waitForFunction(async (want) => (await navigator.clipboard.readText()) === want, code);
  await page.screenshot({ path: path.join(SHOTS, 'console-guide-code.png') });
  await page.getByRole('button', { name: /关\s*闭/ }).first().click();

  // The copied code is the one the mini-program accepts.
  const guideAccount = await loginShopper(app);
  ok(await app.api.post('/api/guides/link', { code }, guideAccount.token));
  expect(ok(await app.api.get('/api/guide/me', guideAccount.token)).name).toBe('周晓');
}, 120_000);

test("an admin exports a guide's monthly commission settlement as a CSV Excel opens", async () => {
  const guides: { id: number; name: string }[] = ok(await app.api.get(`/api/hq/guides?keyword=${encodeURIComponent('周晓')}`, hq)).items;
  const guide = guides.find((g) => g.name === '周晓')!;
  const order = await placeOrder(app, { priceFen: 30_000, hq });
  // Last month in Beijing time (the page's default): the 15th, 12:00 Beijing.
  const bj = new Date(Date.now() + 8 * 3600_000);
  const y = bj.getUTCMonth() === 0 ? bj.getUTCFullYear() - 1 : bj.getUTCFullYear();
  const m = bj.getUTCMonth() === 0 ? 12 : bj.getUTCMonth();
  const month = `${y}-${String(m).padStart(2, '0')}`;
  const at = new Date(`${month}-15T04:00:00Z`);
  await app.ds.query('INSERT INTO commission_entry (order_id, guide_id, event_key, kind, amount_fen, created_at) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)', [
    order.orderId, guide.id, 'paid', 'held', 900, at.toISOString().replace('T', ' ').replace('Z', ''),
    order.orderId, guide.id, 'completed', 'released', 900, new Date(at.getTime() + 3600_000).toISOString().replace('T', ' ').replace('Z', ''),
  ]);

  await page.goto(`${app.url}/hq/#/guides/${guide.id}/commission`);
  await page.getByText(order.orderNo).first().waitFor();
  await page.getByText('确认收货释放').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出月度结算（CSV）' }).click()]);
  expect(download.suggestedFilename()).toBe(`佣金结算-周晓-${month}.csv`);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
    '时间（北京时间）,订单号,类型,佣金变动（元）,计入结算（元）',
    `${month}-15 12:00:00,${order.orderNo},计提（冻结）,9.00,0.00`,
    `${month}-15 13:00:00,${order.orderNo},确认收货释放,9.00,9.00`,
    `${month} 合计,周晓,应结算佣金,,9.00`,
    '',
  ]);
  await page.screenshot({ path: path.join(SHOTS, 'console-commission.png') });
}, 120_000);

test('an admin creates a store manager account (a taken name refused by its field) and finds the writes above in 操作日志', async () => {
  await page.goto(`${app.url}/hq/#/system/accounts`);
  await page.getByRole('cell', { name: 'admin', exact: true }).waitFor();
  const create = async (username: string) => {
    await page.getByRole('button', { name: '新建账号' }).click();
    await page.locator('#account-username').fill(username);
    await page.locator('#account-password').fill('Shop-manager-2026');
    await chooseOption(page, page.locator('.ant-select:has(#account-role)'), '门店店长');
    await chooseOption(page, page.locator('.ant-select:has(#account-store)'), '徐汇旗舰店');
    await page.getByRole('button', { name: /创\s*建/ }).click();
  };
  await create('xuhui-mgr');
  await page.getByRole('cell', { name: 'xuhui-mgr' }).waitFor();
  // The same name again: the API's 409 names `username`, and the dialog shows it under that field.
  await create('xuhui-mgr');
  await page.locator('.ant-form-item').filter({ has: page.locator('#account-username') }).locator('.ant-form-item-explain-error').filter({ hasText: '用户名已被使用' }).waitFor();
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await page.screenshot({ path: path.join(SHOTS, 'console-accounts.png') });

  await page.goto(`${app.url}/hq/#/system/audit`);
  const grant = page.getByRole('row').filter({ hasText: 'POST /api/hq/points/grant' });
  await grant.first().waitFor();
  await page.getByRole('row').filter({ hasText: 'POST /api/hq/accounts' }).first().waitFor();
  await grant.first().locator('.ant-table-row-expand-icon').click();
  await page.getByText('"reason": "客诉补偿"').first().waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'console-audit.png') });
}, 120_000);
