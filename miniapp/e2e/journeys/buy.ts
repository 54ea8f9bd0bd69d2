/**
 * The buying journey, written once for both drivers: log in -> two SKUs into the cart -> 购物车
 * (stepper, a line's tick, 全选: 合计 and 结算(N) follow) -> 确认订单 with a new address -> pay
 * (development cashier) -> 待发货 in 订单列表; then a second order, left unpaid, shows its reserved
 * stock on a fresh product page, and cancelled on 订单详情 gives it back.
 * Expectations come from the API (prices, stock) and common/ rules, never from pinned numbers.
 */
import type { ProductCardDto, ProductDetailDto } from '@common/catalogue/types';
import { fenToYuanString, formatFen } from '@common/money';
import { FREE_SHIPPING_THRESHOLD_FEN, priceOrder, type PricedLineInput } from '@common/order/pricing';
import type { Page } from '@common/paging';
import type { Driver } from '../driver';
import { waitUntil } from '../driver';
import type { ApiGet } from './browse';
import { ADDRESS, fillAddress, openSku, type Pick } from './steps';
import { PAGES } from '../paths';


async function pickTwo(api: ApiGet): Promise<[Pick, Pick]> {
  const list = await api<Page<ProductCardDto>>('/api/products?pageSize=50');
  const details = await Promise.all(list.items.map((p) => api<ProductDetailDto>(`/api/products/${p.id}`)));
  const picks = details
    .map((product) => ({ product, sku: product.skus.find((s) => s.status === 'on_sale' && s.stock >= 5) }))
    .filter((p): p is Pick => !!p.sku)
    // Products with specs first: the journey picks spec values like a shopper.
    .sort((a, b) => b.product.specs.length - a.product.specs.length);
  expect(picks.length).toBeGreaterThanOrEqual(2);
  return [picks[0], picks[1]];
}

async function stockOf(api: ApiGet, pick: Pick): Promise<number> {
  const p = await api<ProductDetailDto>(`/api/products/${pick.product.id}`);
  return p.skus.find((s) => s.id === pick.sku.id)!.stock;
}

/** Waits until some match's whole text (spaces ignored) is exactly `text`. */
async function waitExact(d: Driver, selector: string, text: string): Promise<void> {
  const squash = (t: string) => t.replace(/\s+/g, '');
  let seen: string[] = [];
  await waitUntil(`${selector} = ${text}`, async () => (seen = await d.texts(selector)).some((t) => squash(t) === squash(text))).catch(async (e: Error) => {
    await d.screenshot('failed-wait');
    throw new Error(`${e.message} (shown: ${JSON.stringify(seen)})`);
  });
}

/** The cart bar and head for these selected lines: 合计, 结算(lines), the free-shipping note. */
async function expectCartBar(d: Driver, selected: PricedLineInput[]): Promise<void> {
  const goodsFen = selected.reduce((n, l) => n + l.unitPriceFen * l.quantity, 0);
  await waitExact(d, '.cart-total', formatFen(goodsFen));
  await waitExact(d, '.cart-checkout', `结算(${selected.length})`);
  const short = FREE_SHIPPING_THRESHOLD_FEN - goodsFen;
  const note = short > 0 ? `还差${formatFen(short)}免运费` : `满${fenToYuanString(FREE_SHIPPING_THRESHOLD_FEN).replace(/\.00$/, '')}元包邮`;
  await waitExact(d, '.cart-head__note', note);
}

export async function buyJourney(d: Driver, api: ApiGet): Promise<void> {
  const [a, b] = await pickTwo(api);

  // 我的: log in.
  await d.open(PAGES.mine);
  await d.waitFor('.mine-login');
  await d.tap('.mine-login');
  await d.waitFor('.mine-nickname');

  // Two SKUs into the cart: one of A, two of B; the bar's badge counts the pieces.
  await openSku(d, a);
  await d.tap('.add-to-cart');
  await d.waitFor('.action-bar__badge', { text: '1' });
  await openSku(d, b);
  await d.tap('.stepper__plus');
  await d.tap('.add-to-cart');
  await d.waitFor('.action-bar__badge', { text: '3' });

  // 购物车: both lines, the total of what is selected.
  const lines = [
    { skuId: a.sku.id, unitPriceFen: a.sku.priceFen, quantity: 1 },
    { skuId: b.sku.id, unitPriceFen: b.sku.priceFen, quantity: 2 },
  ];
  const pricing = priceOrder(lines);
  await d.switchTab(PAGES.cart);
  await d.waitFor('.cart-item__title', { text: b.product.title });
  const titles = await d.texts('.cart-item__title');
  expect([...titles].sort()).toEqual([a.product.title, b.product.title].sort());
  await expectCartBar(d, lines);

  // Every cart change answers the whole cart: the stepper (+ then −), A's tick, then 全选.
  const ia = titles.indexOf(a.product.title);
  await d.tap('.stepper__plus', { index: ia });
  await expectCartBar(d, [{ ...lines[0], quantity: 2 }, lines[1]]);
  await d.tap('.stepper__minus', { index: ia });
  await expectCartBar(d, lines);
  await d.tap('.cart-item__check', { index: ia });
  await expectCartBar(d, [lines[1]]);
  await d.tap('.cart-select-all');
  await expectCartBar(d, lines);
  await d.screenshot('cart');

  // 确认订单: no address yet -> the form; then the server's price of the order.
  await d.tap('.cart-checkout');
  await d.waitFor('.order-submit');
  expect(await d.currentRoute()).toBe(PAGES.orderConfirm);
  await d.waitFor('.confirm-payable', { text: formatFen(pricing.payableFen) });
  await d.tap('.address-card');
  await fillAddress(d);
  await d.waitFor('.address-card__detail', { text: ADDRESS.detail });
  await d.screenshot('confirm');

  // 提交订单 -> the cashier -> paid (development mode) -> 待发货.
  await d.tap('.order-submit');
  await d.waitFor('.dev-pay-confirm');
  await d.tap('.dev-pay-confirm');
  await d.waitFor('.order-status', { text: '待发货' });
  expect(await d.currentRoute()).toBe(PAGES.orderDetail);
  const [orderNo] = await d.texts('.order-no');
  expect(orderNo).toMatch(/\S{6,}/);
  await d.screenshot('order-detail');

  // 订单列表 (待发货 tab): the order is there, as 待发货.
  await d.open(PAGES.orderList, { tab: 'paid' });
  await d.waitFor('.order-card__no', { text: orderNo });
  const numbers = await d.texts('.order-card__no');
  const index = numbers.findIndex((t) => t.includes(orderNo));
  expect((await d.texts('.order-card__status'))[index]).toBe('待发货');
  await d.screenshot('order-list');

  // The bought lines left the cart.
  await d.switchTab(PAGES.cart);
  await d.waitFor('.cart-empty');

  // A second order of A (one piece), left unpaid: its stock is reserved at order creation.
  const before = await stockOf(api, a);
  const second = { ...lines[0], quantity: 1 };
  await openSku(d, a);
  await d.waitFor('.product-stock', { text: `库存 ${before} 件` });
  await d.tap('.buy-now');
  await d.waitFor('.address-card__detail', { text: ADDRESS.detail });
  await d.waitFor('.confirm-payable', { text: formatFen(priceOrder([second]).payableFen) });
  await d.tap('.order-submit');
  await d.waitFor('.dev-pay-cancel');
  await d.tap('.dev-pay-cancel');
  await d.waitFor('.order-status', { text: '待付款' });
  await d.waitFor('.order-countdown');
  const [secondNo] = await d.texts('.order-no');
  await waitUntil('stock reserved', async () => (await stockOf(api, a)) === before - second.quantity);

  // A fresh product page shows the reserved stock.
  await openSku(d, a);
  await d.waitFor('.product-stock', { text: `库存 ${before - second.quantity} 件` });

  // 订单列表 (待付款) -> 订单详情 -> 取消订单: the stock comes back.
  await d.open(PAGES.orderList, { tab: 'pending_payment' });
  await d.waitFor('.order-card__no', { text: secondNo });
  await d.tap('.order-card__no', { text: `订单号 ${secondNo}` });
  await d.waitFor('.order-no', { text: secondNo });
  await d.waitFor('.order-status', { text: '待付款' });
  await d.tap('.cancel-button');
  await d.waitFor('.confirm-dialog__ok');
  await d.tap('.confirm-dialog__ok');
  await d.waitFor('.order-status', { text: '已取消' });
  await d.screenshot('order-cancelled');
  // The stock is back at once; the product answer may show it up to CATALOGUE_CACHE_MS (1 s) later.
  await waitUntil('stock returned', async () => (await stockOf(api, a)) === before);

  await openSku(d, a);
  await d.waitFor('.product-stock', { text: `库存 ${before} 件` });
}
