/**
 * The order transitions this module owns: cancel (shopper or timeout job), ship (HQ) and
 * complete (shopper's 确认收货 or the auto-complete job). Each runs in one transaction: the
 * compare-and-set through transitionOrder(), what the transition implies (stock back on cancel),
 * and its outbox event. Whoever loses a race changes nothing.
 */
import { LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { OrderDetailDto } from '@common/order/types';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { Sku } from '../catalogue/catalogue.entities';
import type { Outbox } from '../outbox/outbox';
import { transitionOrder } from './order-transitions';
import { OrderLine, ShopOrder } from './orders.entities';
import type { OrderReads } from './orders.query';

export interface OrderRef {
  id: number;
  orderNo: string;
}

/**
 * Closes the order's WeChat Pay order before a cancel (the payments module's closeRemote): after
 * it, the prepay can no longer be paid. 'paid' means WeChat says the shopper already paid.
 */
export type RemoteCloser = (orderId: number) => Promise<'closed' | 'paid' | 'none'>;

const isConflict = (err: unknown) => err instanceof AppError && (err.code === 'ORDER_STATE_CONFLICT' || err.code === 'ORDER_NOT_FOUND');

export class OrderLifecycle {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly outbox: Outbox,
    private readonly reads: OrderReads,
    private readonly now: () => Date,
    private readonly closeRemote: RemoteCloser = async () => 'none',
  ) {}

  /** The order as its owner (or HQ, memberId null) sees it; ORDER_NOT_FOUND otherwise. */
  orderDetail(orderId: number, memberId: number | null): Promise<OrderDetailDto> {
    return this.reads.orderDetail(orderId, memberId);
  }

  /**
   * pending_payment → cancelled, stock returned, OrderCancelled; in its own transaction.
   * false when the order was no longer pending (paid, or cancelled by someone else first).
   */
  async cancel(orderId: number, actor: string, reason: string): Promise<boolean> {
    try {
      await this.tx.run((m) => this.cancelIn(m, orderId, actor, reason));
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  /** shipped → completed, OrderCompleted; false when the order was not shipped. */
  async complete(orderId: number, actor: string): Promise<boolean> {
    try {
      await this.tx.run((m) => this.completeIn(m, orderId, actor));
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  /** The shopper's 取消订单: 404 for someone else's order, 409 when it is not pending. */
  async cancelByShopper(memberId: number, orderId: number): Promise<OrderDetailDto> {
    const order = await this.reads.requireOrder(orderId, memberId);
    if (order.status === 'pending_payment') {
      // Close the WeChat order first (outside any transaction): otherwise the shopper could still
      // pay the open prepay after cancelling, and a lost notification would keep the money here.
      // If WeChat says it is paid, it has just been applied: the cancel loses, as a race would.
      if ((await this.closeRemote(orderId)) === 'paid') throw new AppError('ORDER_STATE_CONFLICT', `order ${orderId} was paid`);
    }
    await this.tx.run((m) => this.cancelIn(m, orderId, `shopper:${memberId}`, '买家取消'));
    return this.reads.orderDetail(orderId, memberId);
  }

  /** The shopper's 确认收货: 404 for someone else's order, 409 when it is not shipped. */
  async confirmByShopper(memberId: number, orderId: number): Promise<OrderDetailDto> {
    await this.reads.requireOrder(orderId, memberId);
    await this.tx.run((m) => this.completeIn(m, orderId, `shopper:${memberId}`));
    return this.reads.orderDetail(orderId, memberId);
  }

  /** HQ: paid → shipped with the carrier and tracking number, OrderShipped. */
  async ship(orderId: number, adminId: number | null, carrier: string, trackingNo: string): Promise<OrderDetailDto> {
    await this.tx.run(async (m) => {
      const o = await this.load(m, orderId);
      const now = this.now();
      await transitionOrder(m, {
        orderId,
        from: 'paid',
        event: 'ship',
        actor: `hq:${adminId ?? '?'}`,
        note: `${carrier} ${trackingNo}`,
        set: { shippedAt: now, carrier, trackingNo },
        now,
      });
      await this.outbox.enqueue(m, 'OrderShipped', orderId, { orderId, orderNo: o.orderNo ?? '', memberId: o.memberId, carrier, trackingNo });
    });
    return this.reads.orderDetail(orderId, null);
  }

  /** Unpaid orders whose payment deadline has passed, oldest deadline first. */
  async findExpiredUnpaid(now: Date, limit: number): Promise<OrderRef[]> {
    const rows = await this.ds.getRepository(ShopOrder).find({
      select: { id: true, orderNo: true },
      where: { status: 'pending_payment', payDeadline: LessThanOrEqual(now) },
      order: { payDeadline: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.map((r) => ({ id: r.id, orderNo: r.orderNo ?? '' }));
  }

  /** Shipped orders shipped at or before `cutoff` (auto-complete), oldest first. */
  async findShippedBefore(cutoff: Date, limit: number): Promise<OrderRef[]> {
    const rows = await this.ds.getRepository(ShopOrder).find({
      select: { id: true, orderNo: true },
      where: { status: 'shipped', shippedAt: LessThanOrEqual(cutoff) },
      order: { shippedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.map((r) => ({ id: r.id, orderNo: r.orderNo ?? '' }));
  }

  private async load(m: EntityManager, orderId: number): Promise<ShopOrder> {
    const o = await m.findOneBy(ShopOrder, { id: orderId });
    if (!o) throw new AppError('ORDER_NOT_FOUND', `order ${orderId}`);
    return o;
  }

  private async cancelIn(m: EntityManager, orderId: number, actor: string, reason: string): Promise<void> {
    const o = await this.load(m, orderId);
    const now = this.now();
    // The CAS on pending_payment comes first: only the one caller that wins it goes on to
    // return stock, so stock comes back exactly once however many cancels race.
    await transitionOrder(m, {
      orderId,
      from: 'pending_payment',
      event: 'cancel',
      actor,
      note: reason,
      set: { cancelledAt: now, cancelReason: reason.slice(0, 64), payDeadline: null },
      now,
    });
    const lines = await m.find(OrderLine, { where: { orderId }, order: { skuId: 'ASC' } });
    // Ascending SKU id, the same lock order as reservation at checkout (no deadlock).
    for (const line of lines) {
      // Relative update (never "set stock to x"): orders and HQ adjustments running at the same
      // moment all keep their effect. SKUs are never deleted (only taken off sale), so the row
      // is there; were it not, there would be no stock to return to and the cancel still stands.
      await m
        .createQueryBuilder()
        .update(Sku)
        .set({ stock: () => 'stock + :q', updatedAt: now })
        .where('id = :id', { id: line.skuId, q: line.quantity })
        .execute();
    }
    await this.outbox.enqueue(m, 'OrderCancelled', orderId, { orderId, orderNo: o.orderNo ?? '', memberId: o.memberId, reason });
  }

  private async completeIn(m: EntityManager, orderId: number, actor: string): Promise<void> {
    const o = await this.load(m, orderId);
    const now = this.now();
    await transitionOrder(m, { orderId, from: 'shipped', event: 'complete', actor, set: { completedAt: now }, now });
    await this.outbox.enqueue(m, 'OrderCompleted', orderId, { orderId, orderNo: o.orderNo ?? '', memberId: o.memberId, payableFen: o.payableFen, refundedFen: o.refundedFen });
  }
}
