/**
 * 概览's top products from its own daily aggregate. Each paid order is counted once: its id goes
 * into overview_order in the same transaction as its lines' quantities, by the OrderPaid handler
 * or by the catch-up job, whichever comes first. The catch-up (every 10 minutes, a lease job) compares each
 * of the last 31 days' paid orders with the counted ones and counts the missing (a lost delivery,
 * or the days before this aggregate existed); a day that adds up costs it one grouped read.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { beijingDay } from '@common/hq/overview';
import { addDays, dayRange, today } from '@common/metrics/period';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import type { OrderFacts, OrderLineSnapshot, OrderSnapshot } from '../orders';
import { OverviewOrder, OverviewProductDaily, type ProductScope } from './overview.entities';

/** Days the catch-up looks back (概览's 30 days and one). */
export const CATCH_UP_DAYS = 31;
const BATCH = 500;

export interface TopProduct {
  productId: number;
  title: string;
  quantity: number;
  payableFen: number;
}

export class ProductTally {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly orders: Pick<OrderFacts, 'byId' | 'byIds' | 'lines' | 'linesOf' | 'paidBetween' | 'paidByDayAndGuide'>,
    private readonly now: () => Date,
  ) {}

  /** The OrderPaid handler: counts the order unless it was counted already. */
  async countOrderId(orderId: number): Promise<boolean> {
    const o = await this.orders.byId(orderId);
    return o ? this.count(o, await this.orders.lines(orderId)) : false;
  }

  /** Adds an order's lines to its day's rows (chain, and its guide's); false when it was counted before or is unpaid. */
  async count(o: Pick<OrderSnapshot, 'id' | 'guideId' | 'paidAt'>, lines: readonly Pick<OrderLineSnapshot, 'productId' | 'title' | 'quantity' | 'payableFen'>[]): Promise<boolean> {
    if (!o.paidAt) return false;
    const day = beijingDay(new Date(o.paidAt));
    const byProduct = new Map<number, { title: string; quantity: number; payableFen: number }>();
    for (const l of lines) {
      const p = byProduct.get(l.productId) ?? { title: l.title, quantity: 0, payableFen: 0 };
      p.quantity += l.quantity;
      p.payableFen += l.payableFen;
      byProduct.set(l.productId, p);
    }
    const scopes: [ProductScope, number][] = [['chain', 0], ...(o.guideId === null ? [] : [['guide', o.guideId] as [ProductScope, number]])];
    // Rows in one order (scope, then product): two orders' upserts lock shared rows in the same order.
    const rows = scopes.flatMap(([scopeKind, scopeId]) => [...byProduct.entries()].sort((a, b) => a[0] - b[0]).map(([productId, p]) => ({ scopeKind, scopeId, day, productId, ...p })));
    return this.tx.run(async (m) => {
      // Why: the order id is the idempotency key, inserted in the same transaction as the counts, so
      // a redelivered OrderPaid or the catch-up racing the handler counts the order once (the
      // second insert waits for the first's commit, then fails on the primary key).
      try {
        await m.insert(OverviewOrder, { orderId: o.id, day });
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
      if (rows.length) await addRows(m, rows);
      return true;
    });
  }

  /** Counts the paid orders of the last 31 days that are not counted yet; answers how many it counted. */
  async catchUp(): Promise<{ days: number; counted: number }> {
    const t = today(this.now());
    const first = addDays(t, -(CATCH_UP_DAYS - 1));
    const range = { from: dayRange(first).from, to: dayRange(t).to };
    const paid = new Map<string, number>();
    for (const b of await this.orders.paidByDayAndGuide(range.from, range.to, null)) paid.set(b.day, (paid.get(b.day) ?? 0) + b.orders);
    const rows: { day: string; n: number | string }[] = await this.ds.manager
      .createQueryBuilder(OverviewOrder, 'o')
      .select('o.day', 'day')
      .addSelect('COUNT(*)', 'n')
      .where('o.day BETWEEN :first AND :t', { first, t })
      .groupBy('o.day')
      .getRawMany();
    const done = new Map(rows.map((r) => [r.day, Number(r.n)]));
    let days = 0;
    let counted = 0;
    for (const [day, n] of paid) {
      if ((done.get(day) ?? 0) >= n) continue;
      days++;
      counted += await this.catchUpDay(day);
    }
    return { days, counted };
  }

  private async catchUpDay(day: string): Promise<number> {
    const r = dayRange(day);
    const ids = (await this.orders.paidBetween(r.from, r.to, null)).map((o) => o.id);
    const have = new Set((await this.ds.manager.find(OverviewOrder, { select: { orderId: true }, where: { day } })).map((o) => o.orderId));
    const missing = ids.filter((id) => !have.has(id));
    let counted = 0;
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const [orders, lines] = [await this.orders.byIds(batch), await this.orders.linesOf(batch)];
      const linesOf = new Map<number, OrderLineSnapshot[]>();
      for (const l of lines) linesOf.set(l.orderId, [...(linesOf.get(l.orderId) ?? []), l]);
      for (const o of orders) if (await this.count(o, linesOf.get(o.id) ?? [])) counted++;
    }
    return counted;
  }

  /** The products of [first, last] (Beijing days) for the chain or some guides, largest payable first. */
  async top(first: string, last: string, guideIds: readonly number[] | null, limit: number): Promise<TopProduct[]> {
    if (guideIds && !guideIds.length) return [];
    const qb = this.ds.manager
      .createQueryBuilder(OverviewProductDaily, 'p')
      .select('p.productId', 'productId')
      .addSelect('MAX(p.title)', 'title')
      .addSelect('SUM(p.quantity)', 'quantity')
      .addSelect('SUM(p.payableFen)', 'payableFen')
      .where('p.day BETWEEN :first AND :last', { first, last })
      .groupBy('p.productId')
      .orderBy('payableFen', 'DESC')
      .addOrderBy('productId', 'ASC')
      .limit(limit);
    if (guideIds) qb.andWhere("p.scopeKind = 'guide' AND p.scopeId IN (:...guideIds)", { guideIds: [...guideIds] });
    else qb.andWhere("p.scopeKind = 'chain' AND p.scopeId = 0");
    const rows: { productId: number | string; title: string; quantity: number | string; payableFen: number | string }[] = await qb.getRawMany();
    return rows.map((r) => ({ productId: Number(r.productId), title: r.title, quantity: Number(r.quantity), payableFen: Number(r.payableFen) }));
  }
}

/** One multi-row upsert that adds to existing rows (MySQL: ON DUPLICATE KEY; SQLite: ON CONFLICT). */
async function addRows(m: EntityManager, rows: readonly OverviewProductDaily[]): Promise<void> {
  const mysql = m.connection.options.type === 'mysql' || m.connection.options.type === 'mariadb';
  const values = rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
  const params = rows.flatMap((r) => [r.scopeKind, r.scopeId, r.day, r.productId, r.title, r.quantity, r.payableFen]);
  const add = mysql
    ? 'ON DUPLICATE KEY UPDATE quantity = quantity + VALUES(quantity), payable_fen = payable_fen + VALUES(payable_fen)'
    : 'ON CONFLICT (scope_kind, scope_id, day, product_id) DO UPDATE SET quantity = quantity + excluded.quantity, payable_fen = payable_fen + excluded.payable_fen';
  await m.query(`INSERT INTO overview_product_daily (scope_kind, scope_id, day, product_id, title, quantity, payable_fen) VALUES ${values} ${add}`, params);
}
