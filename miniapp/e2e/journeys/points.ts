/**
 * The points journey: 我的 → log in → the tier card → 签到 today (+5) → buy one piece and pay →
 * 积分明细 shows the purchase points pending → HQ ships, the shopper confirms receipt → the points
 * are available → a second order uses points at 确认订单 (the ¥ saved shown), left unpaid →
 * cancelling it on 订单详情 gives the points back. Figures come from the API and common/ rules, never pinned.
 */
import type { ProductCardDto, ProductDetailDto, SkuDto } from '@common/catalogue/types';
import { DEFAULT_SETTINGS } from '@common/membership/settings';
import { fenForPoints, maxUsablePoints, purchasePoints } from '@common/membership/rules';
import { formatFen } from '@common/money';
import { priceOrder } from '@common/order/pricing';
import type { Page } from '@common/paging';
import type { Driver } from '../driver';
import { waitUntil } from '../driver';
import { buyNowToConfirm } from './steps';
import { PAGES } from '../paths';

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
    await d.open(PAGES.pointsLedger);
    await d.waitFor('.points-summary__balance');
    return until([...(await d.texts('.points-summary__balance')), ...(await d.texts('.points-summary__pending')), ...(await d.texts('.points-entry__reason'))]);
  });
}

async function buyOnce(d: Driver, product: ProductDetailDto, firstTime: boolean): Promise<void> {
  await d.open(PAGES.product, { id: String(product.id) });
  await d.waitFor('.product-title', { text: product.title });
  await buyNowToConfirm(d, firstTime);
}

export async function pointsJourney(d: Driver, api: PointsJourneyApi): Promise<void> {
  const { product, sku } = await pickSku(api);

  // 我的: log in; the card shows the entry tier and no points.
  await d.open(PAGES.mine);
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
  await d.open(PAGES.orderDetail, { id: String(order.id) });
  await d.waitFor('.confirm-button');
  await d.tap('.confirm-button');
  await d.waitFor('.confirm-dialog__ok');
  await d.tap('.confirm-dialog__ok');
  await d.waitFor('.order-status', { text: '已完成' });
  await openLedger(d, (t) => t[0] === String(signin + earned), `available ${signin + earned}`);
  expect(await d.texts('.points-summary__pending')).toEqual(['待入账 0']);
  await d.screenshot('points-available');
  // 我的 shows the same on the card.
  await d.open(PAGES.mine);
  await d.waitFor('.member-card__balance', { text: String(signin + earned) });
  await d.waitFor('.member-card__pending', { text: '0' });
  await d.screenshot('points-mine-card');

  // A second order uses points at 确认订单: the switch takes the most allowed, the ¥ saved shows.
  const balance = signin + earned;
  const usable = maxUsablePoints(sku.priceFen, balance, DEFAULT_SETTINGS);
  const savedFen = fenForPoints(usable, DEFAULT_SETTINGS);
  await buyOnce(d, product, false);
  await d.waitFor('.points-choice__hint', { text: `可用 ${balance} 积分` });
  await d.tap('.points-choice__switch');
  await d.waitFor('.points-choice__saved', { text: `抵 ${formatFen(savedFen)}` });
  await d.waitFor('.amounts__row', { text: '积分抵扣' });
  const payable = priceOrder([{ skuId: sku.id, unitPriceFen: sku.priceFen, quantity: 1 }], [{ kind: 'points', label: '积分抵扣', amountFen: savedFen }]).payableFen;
  await d.waitFor('.confirm-payable', { text: formatFen(payable) });
  await d.screenshot('points-checkout');
  await d.tap('.order-submit');
  await d.waitFor('.dev-pay-cancel');
  await d.tap('.dev-pay-cancel');
  await d.waitFor('.order-status', { text: '待付款' });
  await openLedger(d, (t) => t[0] === String(balance - usable), `spent ${usable}`);

  // Cancel it on 订单详情: the points come back.
  const [latest] = await d.texts('.points-entry__reason');
  expect(latest).toContain('抵扣');
  await d.open(PAGES.orderList, { tab: 'pending_payment' });
  await d.waitFor('.order-card__no');
  await d.tap('.order-card__no');
  await d.waitFor('.order-status', { text: '待付款' });
  await d.tap('.cancel-button');
  await d.waitFor('.confirm-dialog__ok');
  await d.tap('.confirm-dialog__ok');
  await d.waitFor('.order-status', { text: '已取消' });
  await openLedger(d, (t) => t[0] === String(balance), `returned ${usable}`);
  await d.waitFor('.points-entry__kind', { text: '退回' });
  await d.screenshot('points-returned');
}
