/**
 * The order tables' ports for other modules: no other module reads or writes shop_order or
 * order_line (boundaries.unit.test.ts). Each read takes the caller's EntityManager, so a caller
 * inside its transaction reads through it (a locked or conditional decision stays the caller's).
 * The one write other modules need, the refunded amount, is a conditional UPDATE here.
 */
import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { locked } from '../../db/locked-read';
import { AppError } from '../../http/app-error';
import { OrderLine, ShopOrder } from './orders.entities';

/** An order as other modules see it (a plain row; changes go through transitions or the ports below). */
export type OrderSnapshot = { [K in keyof ShopOrder]: ShopOrder[K] };
export type OrderLineSnapshot = { [K in keyof OrderLine]: OrderLine[K] };

/** Orders that count as "having ordered": everything but a cancelled one. */
const NOT_AN_ORDER = ['cancelled'];
const PAID = ['paid', 'shipped', 'completed', 'refunding', 'refunded', 'pickup_ready'];

/** IN lists of at most 500 ids, so a long report never builds one huge statement. */
function chunks<T>(all: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}

export class OrderFacts {
  constructor(private readonly ds: DataSource) {}

  byId(orderId: number, m: EntityManager = this.ds.manager): Promise<OrderSnapshot | null> {
    return m.findOneBy(ShopOrder, { id: orderId });
  }

  byNo(orderNo: string, m: EntityManager = this.ds.manager): Promise<OrderSnapshot | null> {
    return m.findOneBy(ShopOrder, { orderNo });
  }

  byIds(orderIds: readonly number[], m: EntityManager = this.ds.manager): Promise<OrderSnapshot[]> {
    return orderIds.length ? m.findBy(ShopOrder, { id: In([...orderIds]) }) : Promise.resolve([]);
  }

  /**
   * Locking reads (SELECT … FOR UPDATE on MySQL) of orders, inside the caller's transaction: under
   * REPEATABLE READ a plain read answers from the snapshot and may miss a concurrent commit (the
   * group-buy success that must see every paid seat's order); this sees the newest rows and holds them.
   */
  lockedByIds(m: EntityManager, orderIds: readonly number[]): Promise<OrderSnapshot[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return locked(m, m.createQueryBuilder(ShopOrder, 'o').where('o.id IN (:...ids)', { ids: [...orderIds] })).getMany();
  }

  /** The lines of an order, in the order they were written. */
  lines(orderId: number, m: EntityManager = this.ds.manager): Promise<OrderLineSnapshot[]> {
    return m.find(OrderLine, { where: { orderId }, order: { id: 'ASC' } });
  }

  /** The lines of many orders (in IN lists of 500), in the order they were written. */
  async linesOf(orderIds: readonly number[]): Promise<OrderLineSnapshot[]> {
    const out: OrderLineSnapshot[] = [];
    for (const ids of chunks([...new Set(orderIds)])) out.push(...(await this.ds.manager.find(OrderLine, { where: { orderId: In(ids) }, order: { id: 'ASC' } })));
    return out;
  }

  /** The member's newest order, if any. */
  latestOf(memberId: number, m: EntityManager = this.ds.manager): Promise<OrderSnapshot | null> {
    return m.findOne(ShopOrder, { where: { memberId }, order: { createdAt: 'DESC' } });
  }

  /** Has the member a paid order (paid, shipped, completed, or (being) refunded)? */
  async hasPaidOrder(memberId: number, m: EntityManager = this.ds.manager): Promise<boolean> {
    return (await m.getRepository(ShopOrder).countBy({ memberId, status: In(PAID) })) > 0;
  }

  /** Has the member ordered at all (cancelled orders aside), apart from `exceptOrderId`? */
  async hasOrdered(memberId: number, m: EntityManager = this.ds.manager, exceptOrderId?: number): Promise<boolean> {
    const where = { memberId, status: Not(In(NOT_AN_ORDER)), ...(exceptOrderId ? { id: Not(exceptOrderId) } : {}) };
    return (await m.getRepository(ShopOrder).countBy(where)) > 0;
  }

  /** Did the member pay another order before this one (paid earlier, or at the same instant with a lower id)? */
  async hasPaidBefore(memberId: number, orderId: number, paidAt: Date, m: EntityManager = this.ds.manager): Promise<boolean> {
    const earlier = await m
      .getRepository(ShopOrder)
      .createQueryBuilder('o')
      .where('o.member_id = :m AND o.paid_at IS NOT NULL AND (o.paid_at < :p OR (o.paid_at = :p AND o.id < :id))', { m: memberId, p: paidAt, id: orderId })
      .getCount();
    return earlier > 0;
  }

  /** Report facts of orders: paid or not, and what they are worth net of refunds (payable − refunded). */
  async reportFacts(orderIds: readonly number[]): Promise<Map<number, { paid: boolean; netFen: number }>> {
    const out = new Map<number, { paid: boolean; netFen: number }>();
    for (const ids of chunks([...new Set(orderIds)])) {
      const rows = await this.ds.manager.find(ShopOrder, { where: { id: In(ids) }, select: { id: true, paidAt: true, payableFen: true, refundedFen: true } });
      for (const o of rows) out.set(o.id, { paid: o.paidAt !== null, netFen: o.payableFen - o.refundedFen });
    }
    return out;
  }

  /**
   * Orders paid in [from, to), summed by Beijing day and guide (optionally only some guides, a
   * store's), with what they are worth net of refunds; for 概览. One GROUP BY over the covering
   * index idx_order_paid_facts: a month of a big chain's orders is a few thousand buckets, not
   * tens of thousands of rows. Cancelled-after-pay orders do not exist (a paid order is refunded,
   * not cancelled), so paid_at alone says "paid".
   */
  async paidByDayAndGuide(from: Date, to: Date, guideIds: readonly number[] | null): Promise<{ day: string; guideId: number | null; orders: number; netFen: number }[]> {
    if (guideIds && !guideIds.length) return [];
    const day = this.ds.options.type === 'mysql' ? "DATE_FORMAT(o.paid_at + INTERVAL 8 HOUR, '%Y-%m-%d')" : "strftime('%Y-%m-%d', o.paid_at, '+8 hours')";
    const qb = this.ds.manager
      .createQueryBuilder(ShopOrder, 'o')
      .select(day, 'day')
      .addSelect('o.guide_id', 'guideId')
      .addSelect('COUNT(*)', 'orders')
      .addSelect('SUM(o.payable_fen - o.refunded_fen)', 'netFen')
      .where('o.paid_at >= :from AND o.paid_at < :to', { from, to })
      .groupBy(day)
      .addGroupBy('o.guide_id');
    if (guideIds) qb.andWhere('o.guide_id IN (:...guideIds)', { guideIds: [...guideIds] });
    const rows: { day: string; guideId: number | string | null; orders: number | string; netFen: number | string }[] = await qb.getRawMany();
    return rows.map((r) => ({ day: r.day, guideId: r.guideId === null ? null : Number(r.guideId), orders: Number(r.orders), netFen: Number(r.netFen) }));
  }

  /**
   * Each order paid in [from, to) (by the paid_at index), optionally only some guides' (a store's),
   * with its payable and refunded amounts: the metrics module's re-derivation of one day.
   */
  async paidBetween(
    from: Date,
    to: Date,
    guideIds: readonly number[] | null,
  ): Promise<{ id: number; memberId: number; guideId: number | null; netFen: number; payableFen: number; refundedFen: number; paidAt: Date }[]> {
    if (guideIds && !guideIds.length) return [];
    const qb = this.ds.manager
      .createQueryBuilder(ShopOrder, 'o')
      .select(['o.id', 'o.memberId', 'o.guideId', 'o.payableFen', 'o.refundedFen', 'o.paidAt'])
      .where('o.paidAt >= :from AND o.paidAt < :to', { from, to });
    if (guideIds) qb.andWhere('o.guideId IN (:...guideIds)', { guideIds: [...guideIds] });
    const rows = await qb.getMany();
    return rows.map((o) => ({ id: o.id, memberId: o.memberId, guideId: o.guideId, netFen: o.payableFen - o.refundedFen, payableFen: o.payableFen, refundedFen: o.refundedFen, paidAt: new Date(o.paidAt!) }));
  }

  /** Quantity and payable per product over the orders paid in [from, to) (optionally some guides'), largest payable first. */
  async topProductsPaidBetween(from: Date, to: Date, guideIds: readonly number[] | null, limit: number): Promise<{ productId: number; title: string; quantity: number; payableFen: number }[]> {
    if (guideIds && !guideIds.length) return [];
    const qb = this.ds.manager
      .createQueryBuilder(OrderLine, 'l')
      .innerJoin(ShopOrder, 'o', 'o.id = l.order_id')
      .select('l.product_id', 'productId')
      .addSelect('MAX(l.title)', 'title')
      .addSelect('SUM(l.quantity)', 'quantity')
      .addSelect('SUM(l.payable_fen)', 'payableFen')
      .where('o.paid_at >= :from AND o.paid_at < :to', { from, to })
      .groupBy('l.product_id')
      .orderBy('payableFen', 'DESC')
      .addOrderBy('productId', 'ASC')
      .limit(limit);
    if (guideIds) qb.andWhere('o.guide_id IN (:...guideIds)', { guideIds: [...guideIds] });
    const rows: { productId: number | string; title: string; quantity: number | string; payableFen: number | string }[] = await qb.getRawMany();
    return rows.map((r) => ({ productId: Number(r.productId), title: r.title, quantity: Number(r.quantity), payableFen: Number(r.payableFen) }));
  }

  /** When each of the members paid their orders (paid orders only), for the guides' funnel. */
  async paidTimesOf(memberIds: readonly number[]): Promise<Map<number, Date[]>> {
    const out = new Map<number, Date[]>();
    for (const ids of chunks([...new Set(memberIds)])) {
      const rows = await this.ds.manager.find(ShopOrder, { where: { memberId: In(ids), paidAt: Not(IsNull()) }, select: { id: true, memberId: true, paidAt: true } });
      for (const o of rows) out.set(o.memberId, [...(out.get(o.memberId) ?? []), new Date(o.paidAt!)]);
    }
    return out;
  }

  /** Ids of orders of `kind` in `status`, oldest first (a job's bounded candidates). */
  async idsIn(kind: OrderSnapshot['kind'], status: OrderSnapshot['status'], limit: number, m: EntityManager = this.ds.manager): Promise<number[]> {
    const rows = await m.find(ShopOrder, { where: { kind, status }, select: { id: true }, order: { id: 'ASC' }, take: limit });
    return rows.map((r) => r.id);
  }

  /** Orders still pending payment, created at or before `cutoff`, oldest first (the payment reconcile job's candidates). */
  async unpaidCreatedBefore(cutoff: Date, limit: number, m: EntityManager = this.ds.manager): Promise<number[]> {
    const rows = await m
      .createQueryBuilder(ShopOrder, 'o')
      .select('o.id', 'id')
      .where("o.status = 'pending_payment' AND o.created_at <= :cutoff", { cutoff })
      .orderBy('o.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  /**
   * Records a successful refund's amount on its order, inside the caller's transaction (the
   * payments module calls it from the transaction that settles the refund). Relative and
   * bounded: never refund more than was paid, whatever reports arrive.
   */
  async recordRefunded(m: EntityManager, orderId: number, amountFen: number, now: Date): Promise<void> {
    const upd = await m
      .createQueryBuilder()
      .update(ShopOrder)
      .set({ refundedFen: () => 'refunded_fen + :amount', updatedAt: now })
      .where('id = :id AND refunded_fen + :amount <= payable_fen', { id: orderId, amount: amountFen })
      .execute();
    if (upd.affected !== 1) throw new AppError('REFUND_AMOUNT_INVALID', `order ${orderId} would be over-refunded`);
  }
}
