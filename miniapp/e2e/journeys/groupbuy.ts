/**
 * The group-buy journey on H5: the demo store's running campaign (groups of 2), or one HQ
 * schedules through the API when there is none; shopper A opens a group from the 首页 strip and pays; shopper B opens the shared group path, joins and
 * pays; both see 拼团成功 and their orders move to 待发货; shopper C opening that group sees it
 * full and is offered a new one. Each shopper is a fresh browser (their own login).
 * Prices and ids come from the API, never pinned.
 */
import type { ProductCardDto, ProductDetailDto } from '@common/catalogue/types';
import type { Page } from '@common/paging';
import type { Driver } from '../driver';
import { ADDRESS, fillAddress, loginOnPrompt } from './steps';
import { PAGES } from '../paths';

export interface GroupBuyWorld {
  /** A fresh browser for a new shopper. */
  newShopper(): Promise<Driver>;
  baseUrl: string;
}

/** A JSON call of the API; `{ok:false}` fails the journey with the body. */
export async function call<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as { ok: boolean; data: T };
  if (!json.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json.data;
}

/** Shanghai wall-clock time, as HQ enters a window. */
function shanghai(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

async function scheduleCampaign(base: string): Promise<{ id: number; title: string }> {
  const hq = (await call<{ token: string }>(base, 'POST', '/api/hq/auth/login', { username: 'admin', password: 'loopmall-admin' })).token;
  const list = await call<Page<ProductCardDto>>(base, 'GET', '/api/products?pageSize=50');
  const details = await Promise.all(list.items.map((p) => call<ProductDetailDto>(base, 'GET', `/api/products/${p.id}`)));
  const pick = details.flatMap((p) => p.skus.filter((s) => s.status === 'on_sale' && s.stock >= 20).map((sku) => ({ p, sku })))[0];
  expect(pick).toBeDefined();
  const title = `${pick.p.title.slice(0, 20)} 2人团`;
  const c = await call<{ id: number }>(base, 'POST', '/api/hq/groupbuy/campaigns', {
    title,
    skuId: pick.sku.id,
    groupPriceFen: Math.floor(pick.sku.priceFen * 0.7),
    groupSize: 2,
    stock: 10,
    startAt: shanghai(Date.now() - 60_000),
    endAt: shanghai(Date.now() + 3 * 24 * 3600_000),
    groupHours: 24,
    perShopperLimit: 2,
  }, hq);
  await call(base, 'POST', `/api/hq/groupbuy/campaigns/${c.id}/schedule`, {}, hq);
  return { id: c.id, title };
}

/** From the join page: an address, 提交, the development cashier, then the group page. */
export async function takeSeatAndPay(d: Driver): Promise<void> {
  await d.waitFor('.join-address--empty');
  await d.tap('.join-address--empty');
  await fillAddress(d);
  await d.waitFor('.join-address', { text: ADDRESS.detail });
  await d.tap('.join-submit');
  await d.waitFor('.taro-model__confirm');
  await d.tap('.taro-model__confirm');
  await d.waitFor('.group-status');
}

async function expectPaidOrder(d: Driver): Promise<void> {
  await d.open(PAGES.orderList, { tab: 'paid' });
  await d.waitFor('.order-card__status', { text: '待发货' });
}

/**
 * The campaign 首页's strip shows (the first one on), when it is running with groups of 2: the
 * demo store starts with one. Otherwise HQ schedules one for the journey.
 */
async function stripCampaign(base: string): Promise<{ id: number; title: string }> {
  const [first] = await call<{ id: number; title: string; groupSize: number; startAt: string }[]>(base, 'GET', '/api/groupbuy/campaigns');
  if (first && first.groupSize === 2 && Date.parse(first.startAt) <= Date.now()) return first;
  return scheduleCampaign(base);
}

export async function groupBuyJourney(w: GroupBuyWorld): Promise<void> {
  const campaign = await stripCampaign(w.baseUrl);

  // A: 首页 strip -> campaign page -> 发起拼团 -> pay -> the group waits for one more.
  const a = await w.newShopper();
  await a.open(PAGES.home);
  await a.waitFor('.flash-strip__name', { text: campaign.title });
  await a.tap('.flash-strip');
  await loginOnPrompt(a);
  await a.waitFor('.open-group', { text: '发起拼团' });
  await a.screenshot('groupbuy-campaign');
  await a.tap('.open-group');
  await takeSeatAndPay(a);
  await a.waitFor('.group-status', { text: '还差 1 人成团' });
  const [groupNo] = await a.texts('.group-no');
  const groupId = /\d+/.exec(groupNo)![0];
  await a.screenshot('groupbuy-group-waiting');

  // B: the shared path (with an empty sharer token) -> 参与拼团 -> pay -> 拼团成功.
  const b = await w.newShopper();
  await b.open(PAGES.group, { id: groupId, t: '' });
  await loginOnPrompt(b);
  await b.waitFor('.join-this');
  await b.tap('.join-this');
  await takeSeatAndPay(b);
  await b.waitFor('.group-status', { text: '拼团成功' });
  await b.screenshot('groupbuy-group-succeeded');
  await expectPaidOrder(b);

  await a.open(PAGES.group, { id: groupId });
  await a.waitFor('.group-status', { text: '拼团成功' });
  await expectPaidOrder(a);

  // C: the full group offers a new one.
  const c = await w.newShopper();
  await c.open(PAGES.group, { id: groupId });
  await loginOnPrompt(c);
  await c.waitFor('.group-offer');
  await c.waitFor('.open-new', { text: '开一个新团' });
  await c.screenshot('groupbuy-group-full');
}
