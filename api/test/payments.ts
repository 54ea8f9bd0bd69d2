/** Payment fixtures: a shopper with an unpaid order, made through the real API; DB counters. */
import type { DataSource } from 'typeorm';
import { anAddress, createSku, ok } from './shopping';
import { loginHq, loginShopper, type TestApp } from './harness';

/** PAYMENT_MODE=wechat with the loopback fake WeChat Pay (keys made at start). */
export const WECHAT_PAY_ENV = { PAYMENT_MODE: 'wechat', WECHATPAY_FAKE: 'true' };

export interface UnpaidOrder {
  token: string;
  memberId: number;
  openid: string;
  hq: string;
  orderId: number;
  orderNo: string;
  payableFen: number;
  skuId: number;
}

/** A new shopper places an order for `quantity` of a fresh SKU priced `priceFen`. */
export async function placeOrder(app: TestApp, opts: { priceFen?: number; quantity?: number; hq?: string; shopper?: { token: string; memberId: number; openid: string } } = {}): Promise<UnpaidOrder> {
  const hq = opts.hq ?? (await loginHq(app));
  const sku = await createSku(app, hq, opts.priceFen ?? 2590, 100);
  const shopper = opts.shopper ?? (await loginShopper(app));
  const address = ok(await app.api.post('/api/addresses', anAddress({ isDefault: true }), shopper.token), 201);
  const order = ok(await app.api.post('/api/orders', { lines: [{ skuId: sku.skuId, quantity: opts.quantity ?? 2 }], addressId: address.id }, shopper.token), 201);
  return { ...shopper, hq, orderId: order.id, orderNo: order.orderNo, payableFen: order.payableFen, skuId: sku.skuId };
}

/** POST /api/orders/:id/pay and assert 200. */
export async function startPay(app: TestApp, o: UnpaidOrder) {
  return ok(await app.api.post(`/api/orders/${o.orderId}/pay`, {}, o.token));
}

export async function count(ds: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const rows: Record<string, unknown>[] = await ds.query(sql, params);
  return Number(Object.values(rows[0])[0]);
}

/** What a payment notification may change, to compare before and after a refused one. */
export async function paymentSnapshot(ds: DataSource, orderId: number) {
  const [order] = await ds.query('SELECT status, paid_at, refunded_fen FROM shop_order WHERE id = ?', [orderId]);
  const [payment] = await ds.query('SELECT transaction_id, paid_at FROM payment WHERE order_id = ?', [orderId]);
  return {
    status: order.status,
    paidAt: order.paid_at ?? null,
    refundedFen: Number(order.refunded_fen),
    transactionId: payment?.transaction_id ?? null,
    logs: await count(ds, 'SELECT COUNT(*) AS n FROM order_state_log WHERE order_id = ?', [orderId]),
    events: await count(ds, 'SELECT COUNT(*) AS n FROM outbox_event', []),
  };
}

export async function orderStatus(ds: DataSource, orderId: number): Promise<string> {
  const [row] = await ds.query('SELECT status FROM shop_order WHERE id = ?', [orderId]);
  return row.status;
}

/** An order placed and paid through the fake WeChat Pay (prepay, then the payment notification). */
export async function paidOrder(app: TestApp, opts: Parameters<typeof placeOrder>[1] = {}): Promise<UnpaidOrder> {
  const o = await placeOrder(app, opts);
  await startPay(app, o);
  const paid = await app.fakeWechatPay!.pay(o.orderNo);
  if (paid.status !== 204) throw new Error(`payment notification answered ${paid.status}`);
  return o;
}
