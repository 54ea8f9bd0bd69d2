/**
 * The order transitions this module owns: cancel (shopper or timeout job), ship (HQ) and
 * complete (shopper's 确认收货 or the auto-complete job). Each runs in one transaction: the
 * compare-and-set through OrderTransitions (whose hooks give back what checkout reserved on a
 * cancel, and run whatever else other modules registered), and its outbox event. Which states
 * allow each event is the kind's table's business, not this file's. Whoever loses a race
 * changes nothing.
 */
import { In, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { canShopperCancel, statusesAllowing, ORDER_KINDS } from '@common/order/state';
import type { OrderDetailDto } from '@common/order/types';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { orderEventBase } from './orders.events';
import type { Outbox } from '../outbox';
import type { OrderTransitions } from './order-transitions';
import { ShopOrder } from './orders.entities';
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

/** States an order waits in for its payment: those from which it can be paid, in any kind. */
const UNPAID = [...new Set(ORDER_KINDS.flatMap((k) => statusesAllowing(k, 'pay')))];

const isConflict = (err: unknown) => err instanceof AppError && (err.code === 'ORDER_STATE_CONFLICT' || err.code === 'ORDER_NOT_FOUND');

export class OrderLifecycle {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly transitions: OrderTransitions,
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
   * Cancels an unpaid order (what checkout reserved comes back once), OrderCancelled; in its own
   * transaction. false when the order could no longer be cancelled (paid, or cancelled first).
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

  /** Completes a received order (shipped → completed), OrderCompleted; false when it cannot complete now. */
  async complete(orderId: number, actor: string): Promise<boolean> {
    try {
      await this.tx.run((m) => this.completeIn(m, orderId, actor));
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  /**
   * 到店自提 核销: the store hands the goods over (pickup_ready → completed by `collect`, the
   * kind's table decides), OrderCompleted like a received parcel; false when it cannot be
   * collected now (another counter collected it first, or a refund is under way). `actor` names
   * the counter (the pickup module's hook keeps it on its own row).
   */
  async collect(orderId: number, actor: string): Promise<boolean> {
    try {
      await this.tx.run((m) => this.completeIn(m, orderId, actor, 'collect'));
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  /** The shopper's 取消订单: 404 for someone else's order, 409 when it cannot be cancelled (paid with money: refund it). */
  async cancelByShopper(memberId: number, orderId: number): Promise<OrderDetailDto> {
    const order = await this.reads.requireOrder(orderId, memberId);
    // Money that was paid goes back through a refund; a cancel is for unpaid or zero-cash orders.
    if (!canShopperCancel(order.kind, order.status, order.payableFen)) throw new AppError('ORDER_STATE_CONFLICT', `order ${orderId} is ${order.status}`);
    if (order.status === 'pending_payment' && order.payableFen > 0) {
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

  /** HQ: ships an order its kind's table lets ship (a waiting group seat cannot), OrderShipped. */
  async ship(orderId: number, adminId: number | null, carrier: string, trackingNo: string): Promise<OrderDetailDto> {
    await this.tx.run(async (m) => {
      const o = await this.load(m, orderId);
      const now = this.now();
      await this.transitions.apply(m, { order: o, event: 'ship', actor: `hq:${adminId ?? '?'}`, note: `${carrier} ${trackingNo}`, set: { shippedAt: now, carrier, trackingNo }, now });
      await this.outbox.enqueue(m, 'OrderShipped', orderId, { ...orderEventBase(o), carrier, trackingNo });
    });
    return this.reads.orderDetail(orderId, null);
  }

  /** Unpaid orders whose payment deadline has passed, oldest deadline first. */
  async findExpiredUnpaid(now: Date, limit: number): Promise<OrderRef[]> {
    const rows = await this.ds.getRepository(ShopOrder).find({
      select: { id: true, orderNo: true },
      // Every state from which some kind's order is cancelled for not paying (pending_payment).
      where: { status: In(UNPAID), payDeadline: LessThanOrEqual(now) },
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
    // The CAS comes first: only the one caller that wins it runs the cancel hooks (which give
    // back stock, seats, coupons and points), so they come back exactly once however many race.
    await this.transitions.apply(m, { order: o, event: 'cancel', actor, note: reason, set: { cancelledAt: now, cancelReason: reason.slice(0, 64), payDeadline: null }, now });
    await this.outbox.enqueue(m, 'OrderCancelled', orderId, { ...orderEventBase(o), reason });
  }

  private async completeIn(m: EntityManager, orderId: number, actor: string, event: 'complete' | 'collect' = 'complete'): Promise<void> {
    const o = await this.load(m, orderId);
    const now = this.now();
    await this.transitions.apply(m, { order: o, event, actor, set: { completedAt: now }, now });
    await this.outbox.enqueue(m, 'OrderCompleted', orderId, { ...orderEventBase(o), payableFen: o.payableFen, refundedFen: o.refundedFen });
  }
}
