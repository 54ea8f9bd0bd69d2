/** Order totals for other modules' reports (the sidebar's group figures): read-only. */
import { In, IsNull, Not, type DataSource } from 'typeorm';
import { ShopOrder } from './orders.entities';

/** IN lists of at most 500 ids, so a long report never builds one huge statement. */
const CHUNK = 500;

/** How many of these orders were paid, and what they are worth net of refunds (payable − refunded). */
export async function paidTotals(ds: DataSource, orderIds: readonly number[]): Promise<{ orders: number; gmvFen: number }> {
  const ids = [...new Set(orderIds)];
  let orders = 0;
  let gmvFen = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await ds.manager.find(ShopOrder, { where: { id: In(ids.slice(i, i + CHUNK)), paidAt: Not(IsNull()) }, select: { id: true, payableFen: true, refundedFen: true } });
    orders += rows.length;
    for (const o of rows) gmvFen += o.payableFen - o.refundedFen;
  }
  return { orders, gmvFen };
}
