/**
 * Demo history for the seed: a fresh demo store has every order paid "now", so no member would
 * be asleep, old or lapsed. The seed places real orders, then moves insight's own copy of them
 * (insight_order.paid_at, member_insight.registered_at) back in time, the way the catalogue seed
 * back-dates a product's listing. Only insight's tables are touched; the orders stay as they are.
 */
import type { DataSource } from 'typeorm';
import { InsightOrder, MemberInsight } from './insight.entities';
import type { InsightRows } from './insight.rows';

const DAY_MS = 24 * 3600 * 1000;

export interface DemoBackdate {
  registeredDaysAgo: number;
  /** Days ago each of the member's paid orders was paid, in order id order. */
  paidDaysAgo: number[];
  /** Count the orders as group-buy/coupon orders (a 促销敏感型 member's history). */
  promo?: boolean;
}

export class InsightDemo {
  constructor(
    private readonly ds: DataSource,
    private readonly rows: InsightRows,
    private readonly now: () => Date,
  ) {}

  async backdate(memberId: number, d: DemoBackdate): Promise<void> {
    const ago = (days: number) => new Date(this.now().getTime() - days * DAY_MS);
    await this.rows.ensure(memberId);
    await this.ds.manager.update(MemberInsight, { memberId }, { registeredAt: ago(d.registeredDaysAgo) });
    const orders = await this.ds.manager.find(InsightOrder, { where: { memberId }, order: { orderId: 'ASC' } });
    for (const [i, o] of orders.entries()) {
      const days = d.paidDaysAgo[i];
      if (days !== undefined) await this.ds.manager.update(InsightOrder, { orderId: o.orderId }, { paidAt: ago(days), ...(d.promo ? { promo: true } : {}) });
    }
    await this.rows.touch(memberId);
  }
}
