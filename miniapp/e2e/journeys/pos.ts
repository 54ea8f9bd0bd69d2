/**
 * The counter journey (issue 18): after 开卡 the shopper shows 会员码; a till signing as a real
 * integration (README "Connecting a POS") creates nothing but reads the code, identifies the
 * member (phone answered masked), posts a sale named to the store's guide; the shopper's 积分明细
 * shows the store purchase, and HQ's POS summary counts it as that store's and guide's offline GMV;
 * the console's 线下销售 lists the receipt with the store's and guide's names, the member and its points.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { canonicalRequest, POS_HEADERS } from '@common/pos/signature';
import type { PosIdentified, PosSaleResult, PosSummaryRow } from '@common/pos/types';
import { waitUntil } from '../driver';
import type { H5Driver } from '../h5-driver';
import { PAGES } from '../paths';
import type { HqApi } from './guides';
import { consoleShot, inConsole } from './console-page';
import { memberCardJourney } from './member-card';

/** A store till: signs each request with its key (the README's protocol, nothing shared with the server's code). */
function till(base: string, keyId: string, secret: string) {
  return async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const text = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(12).toString('hex');
    const canonical = canonicalRequest({ method, pathWithQuery: path, timestamp, nonce, bodySha256Hex: createHash('sha256').update(text).digest('hex') });
    const signature = createHmac('sha256', secret).update(canonical).digest('hex');
    const headers = { 'content-type': 'application/json', [POS_HEADERS.key]: keyId, [POS_HEADERS.timestamp]: timestamp, [POS_HEADERS.nonce]: nonce, [POS_HEADERS.signature]: signature };
    const json = (await (await fetch(base + path, { method, headers, body: text })).json()) as { ok: boolean; data: T };
    if (!json.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
    return json.data;
  };
}

const beijingDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export async function posJourney(d: H5Driver, hq: HqApi, base: string): Promise<void> {
  await memberCardJourney(d, hq);
  const [token] = await d.texts('.member-code__token');

  const [store] = (await hq.call<{ items: { id: number; name: string }[] }>('GET', '/api/hq/stores')).items;
  const [guide] = (await hq.call<{ items: { id: number; name: string; status: string }[] }>('GET', `/api/hq/guides?storeId=${store.id}`)).items;
  const key = await hq.call<{ keyId: string; secret: string }>('POST', `/api/hq/stores/${store.id}/pos-keys`, { label: '旅程收银台' });
  const send = till(base, key.keyId, key.secret);

  const who = await send<PosIdentified>('POST', '/api/pos/members/identify', { memberToken: token });
  expect(who.maskedPhone).toBe('139****5678');
  expect((await send<PosIdentified>('POST', '/api/pos/members/identify', { phone: '13912345678' })).memberId).toBe(who.memberId);
  const receiptNo = `J${Date.now()}`;
  const sale = await send<PosSaleResult>('POST', '/api/pos/sales', {
    receiptNo,
    soldAt: new Date().toISOString(),
    paymentMethod: 'wechat',
    lines: [{ title: '羊毛围巾', quantity: 1, unitFen: 8_800, amountFen: 8_800 }],
    totalFen: 8_800,
    discountFen: 0,
    payableFen: 8_800,
    memberRef: who.memberRef,
    guideId: guide.id,
  });
  expect(sale.pointsEarned).toBeGreaterThanOrEqual(88);

  await waitUntil('积分明细 to show the store purchase', async () => {
    await d.open(PAGES.pointsLedger);
    await d.waitFor('.points-summary__balance');
    return (await d.texts('.points-entry__reason')).some((t) => t.includes(receiptNo));
  });
  await d.screenshot('pos-points-ledger');

  const summary = await hq.call<PosSummaryRow[]>('GET', `/api/hq/pos/summary?from=${beijingDay()}&to=${beijingDay()}`);
  const row = summary.find((r) => r.storeId === store.id && r.guideId === sale.guideId);
  expect(row?.offlineNetFen).toBeGreaterThanOrEqual(8_800);
  expect(row?.totalGmvFen).toBe((row?.offlineNetFen ?? 0) + (row?.onlineGmvFen ?? 0));

  // 线下销售 in the console: the receipt's row names the store and guide, the member and the points.
  await inConsole(base, async (page) => {
    await page.goto(`${base}/hq/#/pos/sales`);
    // Names arrive with the store and guide lists, after the rows: wait for the row with them.
    const sold = page.locator('.ant-pro-table tr', { hasText: receiptNo }).filter({ hasText: store.name }).filter({ hasText: guide.name });
    await sold.waitFor();
    const cells = await sold.locator('td').allInnerTexts();
    expect(cells).toEqual(expect.arrayContaining([store.name, guide.name, `会员 #${who.memberId}`, '¥88.00', String(sale.pointsEarned), '微信支付']));
    await consoleShot(page, 'console-offline-sales');
  });
}
