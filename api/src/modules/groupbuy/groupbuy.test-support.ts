/** Group-buy fixtures made through the real API: a scheduled campaign, shoppers with an address, joins and payments. */
import pino from 'pino';
import { formatShanghai } from './groupbuy.time';
import { loginShopper, type TestApp } from '../../../test/harness';
import { anAddress, createSku, ok } from '../../../test/shopping';

export interface CampaignFixture {
  campaignId: number;
  skuId: number;
  productId: number;
  skuStockAfter: number;
}

/** A campaign that runs from a minute ago (by the app's clock) for three days, scheduled. */
export async function runningCampaign(app: TestApp, hq: string, now: Date, o: { stock?: number; size?: number; limit?: number; skuStock?: number; hours?: number } = {}): Promise<CampaignFixture> {
  const skuStock = o.skuStock ?? (o.stock ?? 100) + 50;
  const sku = await createSku(app, hq, 9900, skuStock);
  const body = {
    title: '爆款拼团',
    skuId: sku.skuId,
    groupPriceFen: 6900,
    groupSize: o.size ?? 2,
    stock: o.stock ?? 100,
    startAt: formatShanghai(new Date(now.getTime() - 60_000)),
    endAt: formatShanghai(new Date(now.getTime() + 3 * 24 * 3600_000)),
    groupHours: o.hours ?? 24,
    perShopperLimit: o.limit ?? 2,
  };
  const c = ok(await app.api.post('/api/hq/groupbuy/campaigns', body, hq), 201);
  ok(await app.api.post(`/api/hq/groupbuy/campaigns/${c.id}/schedule`, {}, hq));
  return { campaignId: c.id, skuId: sku.skuId, productId: sku.productId, skuStockAfter: skuStock - (o.stock ?? 100) };
}

export interface Shopper {
  token: string;
  memberId: number;
  openid: string;
  addressId: number;
}

export async function shopper(app: TestApp): Promise<Shopper> {
  const s = await loginShopper(app);
  const a = ok(await app.api.post('/api/addresses', anAddress({ isDefault: true }), s.token), 201);
  return { ...s, addressId: a.id };
}

/** Shoppers made a few at a time (logins are cheap; thousands at once would only test the fake). */
export async function shoppers(app: TestApp, n: number): Promise<Shopper[]> {
  const out: Shopper[] = [];
  for (let i = 0; i < n; i += 25) out.push(...(await Promise.all(Array.from({ length: Math.min(25, n - i) }, () => shopper(app)))));
  return out;
}

export function join(app: TestApp, s: Shopper, campaignId: number, groupId?: number, quantity = 1) {
  return app.api.post('/api/groupbuy/join', { campaignId, ...(groupId ? { groupId } : {}), quantity, addressId: s.addressId }, s.token);
}

export async function devPay(app: TestApp, s: Shopper, orderId: number) {
  return ok(await app.api.post(`/api/orders/${orderId}/dev-pay`, {}, s.token));
}

export async function campaignRow(app: TestApp, id: number) {
  const [r] = await app.ds.query('SELECT stock_total, stock_left, units_held, units_sold, units_returned FROM gb_campaign WHERE id = ?', [id]);
  return { total: Number(r.stock_total), left: Number(r.stock_left), held: Number(r.units_held), sold: Number(r.units_sold), returned: Number(r.units_returned) };
}

export async function liveSeats(app: TestApp, where: string, params: unknown[]): Promise<number> {
  const [r] = await app.ds.query(`SELECT COUNT(*) AS n FROM gb_seat WHERE live = 1 AND ${where}`, params);
  return Number(r.n);
}

export async function skuStock(app: TestApp, skuId: number): Promise<number> {
  const [r] = await app.ds.query('SELECT stock FROM sku WHERE id = ?', [skuId]);
  return Number(r.stock);
}

/** A logger at warn that keeps its lines (each parsed), to see what a job warned about. */
export function warnLog() {
  const lines: Record<string, unknown>[] = [];
  return { log: pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) }), lines };
}
