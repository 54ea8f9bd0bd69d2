/**
 * The coupons journey: a new shopper sees the 新人礼 popup on 首页, buys with the first-order
 * coupon (suggested as the best on 确认订单, picked in the sheet) and pays; then redeems a coupon in 积分商城 with the
 * gift's points, uses it on a second order left unpaid (我的优惠券 shows it 使用中), cancels that
 * order, and finds the coupon 可用 again. Figures come from the API and common/ rules.
 */
import type { ProductCardDto, ProductDetailDto, SkuDto } from '@common/catalogue/types';
import { formatFen } from '@common/money';
import { priceOrder } from '@common/order/pricing';
import type { Page } from '@common/paging';
import type { Driver } from '../driver';
import type { ApiGet } from './browse';
import { buyNowToConfirm, openSku, type Pick } from './steps';
import { PAGES } from '../paths';

/** Calls the API as HQ (the journey's own setup: the gift's points, a mall coupon on sale). */
export type HqPost = <T>(path: string, body?: unknown, method?: 'GET' | 'POST' | 'PUT') => Promise<T>;

const GIFT_POINTS = 100;

export const MALL_COUPON = { name: '积分兑换券', amountOffFen: 500, points: 50 };


async function pickOne(api: ApiGet): Promise<Pick> {
  const list = await api<Page<ProductCardDto>>('/api/products?pageSize=50');
  const details = await Promise.all(list.items.map((p) => api<ProductDetailDto>(`/api/products/${p.id}`)));
  const picks = details
    .map((product) => ({ product, sku: product.skus.find((s) => s.status === 'on_sale' && s.stock >= 5 && s.priceFen > 2000) }))
    .filter((p): p is Pick => !!p.sku);
  expect(picks.length).toBeGreaterThanOrEqual(1);
  return picks[0];
}

/** What 确认订单 must show with a coupon of `offFen` on one unit of the SKU. */
const payableWith = (sku: SkuDto, offFen: number) =>
  priceOrder([{ skuId: sku.id, unitPriceFen: sku.priceFen, quantity: 1 }], [{ kind: 'coupon', label: 'c', amountFen: offFen }]).payableFen;

export async function couponsJourney(d: Driver, api: ApiGet, hq: HqPost): Promise<void> {
  const pick = await pickOne(api);

  // HQ adds points to the 新人礼 (the default pack holds the first-order coupon only).
  const pack = await hq<{ templateIds: number[] }>('/api/hq/new-member-pack', undefined, 'GET');
  await hq('/api/hq/new-member-pack', { templateIds: pack.templateIds, points: GIFT_POINTS }, 'PUT');

  // A new shopper logs in on 我的; 首页 then greets them with the 新人礼 popup, once.
  await d.open(PAGES.mine);
  await d.tap('.mine-login');
  await d.waitFor('.mine-nickname');
  await d.switchTab(PAGES.home);
  await d.waitFor('.new-member-popup', { text: '新人首单立减', timeoutMs: 20_000 });
  await d.waitFor('.nm-popup__points', { text: `+${GIFT_POINTS} 积分` });
  await d.screenshot('coupons-new-member-popup');
  await d.tap('.nm-popup__close');

  // First order: 确认订单 suggests the first-order coupon (¥10) and prices the order with it.
  await openSku(d, pick);
  await buyNowToConfirm(d, true);
  await d.waitFor('.coupon-row__value', { text: `最优减 ${formatFen(1000)}` });
  await d.tap('.coupon-row');
  await d.waitFor('.coupon-option', { text: '新人首单立减' });
  await d.screenshot('coupons-confirm-sheet');
  await d.tap('.coupon-option', { index: 0 });
  await d.waitFor('.coupon-row__value', { text: `-${formatFen(1000)}` });
  await d.waitFor('.confirm-payable', { text: formatFen(payableWith(pick.sku, 1000)) });
  await d.tap('.order-submit');
  await d.waitFor('.dev-pay-confirm');
  await d.tap('.dev-pay-confirm');
  await d.waitFor('.order-status', { text: '待发货' });

  // 积分商城: HQ puts a coupon on sale for points; the gift's points buy it, and it arrives in
  // 我的优惠券 at once.
  const template = await hq<{ id: number }>('/api/hq/coupon-templates', {
    name: MALL_COUPON.name, kind: 'no_threshold', amountOffFen: MALL_COUPON.amountOffFen, validity: { type: 'relative', days: 30 }, totalQuota: 1000,
  });
  await hq('/api/hq/pointsmall/items', { title: '5元无门槛券', kind: 'coupon', templateId: template.id, pointsPrice: MALL_COUPON.points, stock: 10 });
  await d.open(PAGES.pointsMall);
  await d.waitFor('.mall-item', { text: '5元无门槛券' });
  await d.tap('.mall-item', { index: 0 });
  await d.waitFor('.mall-redeem', { text: '立即兑换' });
  await d.tap('.mall-redeem');
  await d.waitFor('.my-coupon', { text: MALL_COUPON.name });
  await d.screenshot('coupons-redeemed');

  // Second order: the mall coupon is now the best; the order is left unpaid, the coupon 使用中.
  await openSku(d, pick);
  await buyNowToConfirm(d, false);
  await d.waitFor('.coupon-row__value', { text: `最优减 ${formatFen(MALL_COUPON.amountOffFen)}` });
  await d.tap('.coupon-row');
  await d.waitFor('.coupon-option', { text: MALL_COUPON.name });
  await d.tap('.coupon-option', { index: 0 });
  await d.waitFor('.coupon-row__value', { text: `-${formatFen(MALL_COUPON.amountOffFen)}` });
  await d.waitFor('.confirm-payable', { text: formatFen(payableWith(pick.sku, MALL_COUPON.amountOffFen)) });
  await d.tap('.order-submit');
  await d.waitFor('.dev-pay-cancel');
  await d.tap('.dev-pay-cancel');
  await d.waitFor('.order-status', { text: '待付款' });
  const [orderNo] = await d.texts('.order-no');
  await d.open(PAGES.myCoupons);
  await d.waitFor('.my-coupon', { text: '使用中' });

  // Cancelling the unpaid order gives the coupon back to 可用.
  await d.open(PAGES.orderList, { tab: 'pending_payment' });
  await d.waitFor('.order-card__no', { text: orderNo });
  await d.tap('.order-card__no', { text: `订单号 ${orderNo}` });
  await d.waitFor('.order-status', { text: '待付款' });
  await d.tap('.cancel-button');
  await d.waitFor('.confirm-dialog__ok');
  await d.tap('.confirm-dialog__ok');
  await d.waitFor('.order-status', { text: '已取消' });
  await d.open(PAGES.myCoupons);
  await d.waitFor('.my-coupon', { text: MALL_COUPON.name });
  const cards = await d.texts('.my-coupon');
  expect(cards.find((t) => t.includes(MALL_COUPON.name))).toContain('可用');
  expect(cards.some((t) => t.includes('使用中'))).toBe(false);
  await d.screenshot('coupons-returned');
}
