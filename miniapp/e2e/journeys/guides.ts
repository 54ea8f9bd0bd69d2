/**
 * The guides journey on H5: HQ makes a store and a guide (API); the guide links their account on
 * 导购工作台 and takes a product card's share path (with their token); a new shopper (another
 * browser) opens that path, buys and pays → the add-your-guide prompt shows the guide once on
 * 订单详情; HQ's order view shows the guide and the evidence; a second order shows no prompt;
 * 我的 → 我的导购 shows the guide again.
 */
import type { Driver } from '../driver';
import { waitUntil } from '../driver';
import { buyNowToConfirm, loginOnPrompt, type Address } from './steps';
import { PAGES } from '../paths';

export interface HqApi {
  call<T = any>(method: string, path: string, body?: unknown): Promise<T>;
}

/** An HQ client for the storefront under test (development owner account). */
export async function hqClient(base: string): Promise<HqApi> {
  const raw = async (method: string, path: string, body: unknown, token?: string) => {
    const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json()) as { ok: boolean; data: any };
    if (!json.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json.data;
  };
  const { token } = await raw('POST', '/api/hq/auth/login', { username: 'admin', password: 'loopmall-admin' });
  return { call: (method, path, body) => raw(method, path, body, token) };
}

const ADDRESS: Address = { name: '李四', phone: '13900139000', province: '广东省', city: '广州市', district: '天河区', detail: '体育西路 100 号' };

async function orderIdOf(hq: HqApi, orderNo: string): Promise<number> {
  const page = await hq.call<{ items: { id: number; orderNo: string }[] }>('GET', '/api/hq/orders?pageSize=50');
  const hit = page.items.find((o) => o.orderNo === orderNo);
  if (!hit) throw new Error(`order ${orderNo} not in HQ's list`);
  return hit.id;
}

/** 立即购买 on a product page already open → 确认订单 → (address) → pay → 订单详情 待发货; answers the order number. */
async function buyNowAndPay(d: Driver, firstTime: boolean): Promise<string> {
  await buyNowToConfirm(d, firstTime, ADDRESS);
  await d.tap('.order-submit');
  await d.waitFor('.dev-pay-confirm');
  await d.tap('.dev-pay-confirm');
  await d.waitFor('.order-status', { text: '待发货' });
  const [orderNo] = await d.texts('.order-no');
  return orderNo;
}

export async function guidesJourney(guideDriver: Driver, shopper: Driver, hq: HqApi): Promise<void> {
  // HQ: a store, a guide with 「联系我」 (QR for H5), a one-time binding code.
  const store = await hq.call('POST', '/api/hq/stores', { name: '天河旗舰店', code: `TH${Date.now() % 100000}`, city: '广州' });
  const guide = await hq.call('POST', '/api/hq/guides', { name: '王小美', wecomUserId: `wangxm${Date.now() % 100000}`, storeId: store.id });
  await hq.call('POST', `/api/hq/guides/${guide.id}/contact-ways`);
  const { code } = await hq.call('POST', `/api/hq/guides/${guide.id}/binding-code`);

  // The guide links their account on 导购工作台 and takes a product card's path.
  await guideDriver.open(PAGES.guideWorkbench);
  await loginOnPrompt(guideDriver);
  await guideDriver.waitFor('.guide-link__code');
  await guideDriver.type('.guide-link__code', code);
  await guideDriver.waitFor('.guide-head__name', { text: guide.name });
  await guideDriver.waitFor('.guide-share--product .guide-share__path');
  const paths = await guideDriver.texts('.guide-share--product .guide-share__path');
  await guideDriver.screenshot('guides-workbench');
  const cards = paths.map((p) => /^\/pages\/product\/index\?id=(\d+)&t=([0-9A-Za-z.]{8,32})$/.exec(p));
  expect(cards.every((c) => c !== null)).toBe(true);
  // A product without specs, in stock: 立即购买 goes straight to 确认订单.
  let card: RegExpExecArray | null = null;
  for (const c of cards) {
    const p = await hq.call<{ specs: unknown[]; skus: { stock: number; status: string }[] }>('GET', `/api/products/${c![1]}`);
    if (p.specs.length === 0 && p.skus.some((s) => s.status === 'on_sale' && s.stock >= 5)) card = c;
    if (card) break;
  }
  expect(card).not.toBeNull();
  const [, productId, token] = card!;

  // A new shopper opens the card (the shared path), logs in by buying, pays.
  await shopper.open(PAGES.product, { id: productId, t: token });
  await shopper.waitFor('.product-title');
  const firstNo = await buyNowAndPay(shopper, true);

  // First paid order: the prompt shows the guide with the QR code (H5).
  await shopper.waitFor('.guide-prompt__name', { text: guide.name });
  await shopper.waitFor('.guide-contact__qr');
  await shopper.screenshot('guides-prompt');
  await shopper.tap('.guide-prompt__close');

  // HQ's order view: the order belongs to the guide, with the evidence of the card.
  const firstId = await orderIdOf(hq, firstNo);
  const attribution = await waitUntil('attribution written', () => hq.call('GET', `/api/hq/orders/${firstId}/attribution`).catch(() => null));
  expect(attribution).toMatchObject({ guideId: guide.id, sharingGuideId: guide.id, storeId: store.id, tokenId: token, ruleVersion: 1 });
  expect(attribution.touchAt).toEqual(expect.any(String));

  // Shown once: the same order opened again, and a second order, show no prompt.
  await shopper.open(PAGES.orderDetail, { id: String(firstId) });
  await shopper.waitFor('.order-status', { text: '待发货' });
  expect(await shopper.texts('.guide-prompt__name')).toEqual([]);
  await shopper.open(PAGES.product, { id: productId });
  await shopper.waitFor('.product-title');
  const secondNo = await buyNowAndPay(shopper, false);
  const secondId = await orderIdOf(hq, secondNo);
  await shopper.open(PAGES.orderDetail, { id: String(secondId) });
  await shopper.waitFor('.order-status', { text: '待发货' });
  expect(await shopper.texts('.guide-prompt__name')).toEqual([]);
  await shopper.screenshot('guides-second-order');

  // 我的 → 我的导购 re-opens the guide's card.
  await shopper.open(PAGES.myGuide);
  await shopper.waitFor('.my-guide__name', { text: guide.name });
  await shopper.screenshot('guides-my-guide');

  // The guide's workbench lists the customer and the orders.
  await guideDriver.open(PAGES.guideWorkbench);
  await guideDriver.waitFor('.guide-customer');
  await guideDriver.waitFor('.guide-order__no', { text: firstNo });
  await guideDriver.screenshot('guides-workbench-orders');
}
