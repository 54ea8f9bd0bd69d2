/** Helpers for the order integration tests (not loaded by the app). */
import type { ApiResult, TestApp } from '../../../test/harness';
import { loginShopper } from '../../../test/harness';
import { addressesOf, anAddress, ok } from '../../../test/shopping';
import { Sku } from '../catalogue/catalogue.entities';
import { OutboxEvent } from '../outbox/outbox.entities';
import { OrderLine, OrderStateLog, ShopOrder } from './orders.entities';

export interface Shopper {
  token: string;
  memberId: number;
  addressId: number;
}

/** A logged-in shopper with one address made through POST /api/addresses. */
export async function shopperWithAddress(app: TestApp): Promise<Shopper> {
  const { token, memberId } = await loginShopper(app);
  const address = ok(await addressesOf(app, token).create(anAddress()), 201);
  return { token, memberId, addressId: address.id };
}

export function postOrder(app: TestApp, s: Shopper, body: Record<string, unknown>, key?: string): Promise<ApiResult> {
  return app.api.call('POST', '/api/orders', {
    token: s.token,
    body: { addressId: s.addressId, ...body },
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });
}

export async function stockOf(app: TestApp, skuId: number): Promise<number> {
  return (await app.ds.manager.findOneByOrFail(Sku, { id: skuId })).stock;
}

export async function orderCount(app: TestApp): Promise<number> {
  return app.ds.manager.count(ShopOrder);
}

export async function lineCount(app: TestApp): Promise<number> {
  return app.ds.manager.count(OrderLine);
}

export async function eventsOf(app: TestApp, type: string, orderId: number): Promise<number> {
  return app.ds.manager.count(OutboxEvent, { where: { type, aggregateId: String(orderId) } });
}

export async function stateLog(app: TestApp, orderId: number): Promise<string[]> {
  const rows = await app.ds.manager.find(OrderStateLog, { where: { orderId }, order: { id: 'ASC' } });
  return rows.map((r) => `${r.fromStatus}>${r.toStatus}`);
}

/**
 * Pays an order through the real path, PaymentsService.markPaid (what a WeChat Pay notification
 * and dev-pay call): a payment row with a transaction id, pending_payment → paid, and OrderPaid in
 * the outbox, in one transaction. Works in either PAYMENT_MODE.
 */
export async function markPaid(app: TestApp, orderId: number): Promise<void> {
  const order = await app.ds.manager.findOneByOrFail(ShopOrder, { id: orderId });
  const result = await app.services.payments.markPaid({ outTradeNo: order.orderNo!, transactionId: `TEST${order.orderNo}`, amountFen: order.payableFen, mode: 'dev', actor: 'test' });
  if (result !== 'paid') throw new Error(`order ${orderId} was not paid: ${result}`);
}

/**
 * Holds a SKU's row lock (MySQL) and the transaction queue (SQLite) in an open transaction until
 * the returned function is called, so requests fired meanwhile all get past their reads first.
 */
export function holdSku(app: TestApp, skuId: number): () => Promise<void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const held = app.services.tx.run(async (m) => {
    await m.query('UPDATE sku SET stock = stock WHERE id = ?', [skuId]);
    await gate;
  });
  return async () => {
    await new Promise((r) => setTimeout(r, 500));
    release();
    await held;
  };
}
