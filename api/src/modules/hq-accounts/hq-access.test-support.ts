/** Fixtures for the HQ access tests: two stores with a guide each, an account per role, orders attributed to each store. */
import type { HqRole } from '@common/auth/types';
import { loginHq, loginShopper, type TestApp } from '../../../test/harness';
import { placeOrder } from '../../../test/payments';
import { ok } from '../../../test/shopping';
import { aGuide, type GuideFixture } from '../guides/guides.test-support';

export const PASSWORD = 'Passw0rd-for-tests';

export interface World {
  owner: string;
  tokens: Record<HqRole, string>;
  guideA: GuideFixture;
  guideB: GuideFixture;
  orderA: number;
  orderB: number;
}

/** An account of `role` created through the owner's route, logged in. */
export async function account(app: TestApp, owner: string, username: string, role: HqRole, storeId?: number): Promise<{ id: number; token: string }> {
  const created = ok(await app.api.post('/api/hq/accounts', { username, password: PASSWORD, role, ...(storeId ? { storeId } : {}) }, owner), 201);
  return { id: created.id, token: await loginHq(app, username, PASSWORD) };
}

/** A paid order of a new shopper who came in through `guide`'s share card. */
export async function attributedOrder(app: TestApp, owner: string, guide: GuideFixture): Promise<number> {
  const first = await placeOrder(app, { hq: owner });
  const shopper = await loginShopper(app, first.openid);
  const [line] = await app.ds.query('SELECT sku_id FROM order_line WHERE order_id = ?', [first.orderId]);
  const [addr] = await app.ds.query('SELECT id FROM address WHERE member_id = ?', [first.memberId]);
  const order = ok(await app.api.post('/api/orders', { lines: [{ skuId: Number(line.sku_id), quantity: 1 }], addressId: Number(addr.id), shareToken: guide.shareToken }, shopper.token), 201);
  ok(await app.api.post(`/api/orders/${order.id}/dev-pay`, {}, shopper.token));
  return order.id;
}

export async function world(app: TestApp): Promise<World> {
  const owner = await loginHq(app);
  const guideA = await aGuide(app, owner);
  const guideB = await aGuide(app, owner);
  const tokens: Record<HqRole, string> = {
    owner,
    operator: (await account(app, owner, 'op1', 'operator')).token,
    finance: (await account(app, owner, 'fin1', 'finance')).token,
    store_manager: (await account(app, owner, 'mgrA', 'store_manager', guideA.storeId)).token,
  };
  return { owner, tokens, guideA, guideB, orderA: await attributedOrder(app, owner, guideA), orderB: await attributedOrder(app, owner, guideB) };
}
