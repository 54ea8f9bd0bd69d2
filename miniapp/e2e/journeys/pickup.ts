/**
 * The 门店自提 journey on H5: a shopper buys now, chooses 到店自提 at the nearest store (the demo
 * stores; Chromium gives no location, so HQ's order), sees no freight, pays (development
 * cashier) and gets 待自提 with the pickup code in big digits; the store collects that code on
 * the console's 自提核销 page (Chromium, /hq/); the shopper's order then shows 已自提. Ids, prices and the code
 * come from the pages and the API, never pinned.
 */
import type { ProductCardDto, ProductDetailDto } from '@common/catalogue/types';
import type { Page } from '@common/paging';
import type { PickupStoreDto, PickupView } from '@common/pickup/types';
import type { Driver } from '../driver';
import { PAGES } from '../paths';
import { consoleShot, inConsole } from './console-page';
import { call } from './groupbuy';
import { openSku } from './steps';

/** HQ's 自提核销 page (the console build served at /hq/): type the code, 确认取货. */
async function collectInConsole(base: string, code: string, orderNo: string): Promise<void> {
  await inConsole(base, async (page) => {
    await page.goto(`${base}/hq/#/guides/pickup`);
    await page.locator('#pickup-code').fill(code);
    await page.locator('#pickup-code').press('Enter');
    await page.getByText(`订单 ${orderNo}`).waitFor();
    await page.locator('#pickup-collect').click();
    await page.locator('#pickup-done').waitFor();
    expect(await page.locator('#pickup-done').innerText()).toContain(orderNo);
    await consoleShot(page, 'console-pickup');
  });
}

export async function pickupJourney(d: Driver, base: string): Promise<void> {
  const list = await call<Page<ProductCardDto>>(base, 'GET', '/api/products?pageSize=50');
  const details = await Promise.all(list.items.map((p) => call<ProductDetailDto>(base, 'GET', `/api/products/${p.id}`)));
  const pick = details.flatMap((product) => product.skus.filter((s) => s.status === 'on_sale' && s.stock >= 5).map((sku) => ({ product, sku })))[0];
  expect(pick).toBeDefined();
  const stores = await call<PickupStoreDto[]>(base, 'GET', '/api/pickup/stores');
  expect(stores.length).toBeGreaterThan(0);

  // 我的: log in; then 立即购买 → 确认订单.
  await d.open(PAGES.mine);
  await d.waitFor('.mine-login');
  await d.tap('.mine-login');
  await d.waitFor('.mine-nickname');
  await openSku(d, pick);
  await d.tap('.buy-now');
  await d.waitFor('.order-submit');

  // 到店自提: the stores with address and hours; the first is chosen; no address asked, no freight.
  await d.tap('.fulfilment-tab--pickup');
  await d.waitFor('.pickup-store__name', { text: stores[0].name });
  await d.waitFor('.pickup-store--on .pickup-store__name', { text: stores[0].name });
  expect(await d.texts('.pickup-store__hours')).toContain(`营业时间 ${stores[0].hours}`);
  await d.screenshot('pickup-confirm');

  // 提交订单 → the cashier → 待自提 with the code and the store.
  await d.tap('.order-submit');
  await d.waitFor('.dev-pay-confirm');
  await d.tap('.dev-pay-confirm');
  await d.waitFor('.order-status', { text: '待自提' });
  await d.waitFor('.pickup-code');
  const [shown] = await d.texts('.pickup-code');
  const code = shown.replace(/\s/g, '');
  expect(code).toMatch(/^\d{8}$/);
  expect(await d.texts('.pickup-block__store-name')).toEqual([stores[0].name]);
  // A first paid order brings the add-your-guide prompt (the guides feature): close it for the picture.
  const prompted = await d.waitFor('.guide-prompt__close', { timeoutMs: 8000 }).then(() => true, () => false);
  if (prompted) await d.tap('.guide-prompt__close');
  // Let the 支付成功 toast fade too.
  await new Promise((r) => setTimeout(r, 1500));
  await d.screenshot('pickup-ready');

  // The store's counter: the console's 自提核销 page finds the code and 确认取货 collects it.
  const hq = (await call<{ token: string }>(base, 'POST', '/api/hq/auth/login', { username: 'admin', password: 'loopmall-admin' })).token;
  const seen = await call<PickupView>(base, 'GET', `/api/hq/pickup/lookup?code=${code}&storeId=${stores[0].storeId}`, undefined, hq);
  expect(seen.state).toBe('ready');
  await collectInConsole(base, code, seen.orderNo);
  expect((await call<PickupView>(base, 'GET', `/api/hq/pickup/lookup?code=${code}&storeId=${stores[0].storeId}`, undefined, hq)).state).toBe('collected');

  // The shopper's order: 已自提.
  await d.open(PAGES.orderDetail, { id: String(seen.orderId) });
  await d.waitFor('.order-status', { text: '已自提' });
  await d.waitFor('.pickup-code--used');
  await d.screenshot('pickup-collected');
}
