/**
 * The one way an order changes state: ask the order kind's table in common/order/state.ts, then
 * a compare-and-set UPDATE on the current status, then a state-log row, then the transition
 * hooks other modules registered for this kind and event — all inside the caller's transaction.
 * Whoever loses a race (payment notification vs. timeout job, two notifications) sees zero
 * affected rows and gets ORDER_STATE_CONFLICT, so each transition and its hooks happen once.
 */
import type { EntityManager } from 'typeorm';
import { decideTransition, type OrderEvent, type OrderKind, type OrderStatus } from '@common/order/state';
import { AppError } from '../../http/app-error';
import type { OrderHooks, TransitionHookContext } from './order-hooks';
import { OrderStateLog, ShopOrder } from './orders.entities';

/** The order as the caller read it inside its transaction. */
export type OrderRow = Pick<ShopOrder, 'id' | 'orderNo' | 'memberId' | 'kind' | 'guideId' | 'payableFen' | 'refundedFen' | 'status'>;

export interface TransitionRequest {
  order: OrderRow;
  /** The status the CAS expects; defaults to the status the caller read. */
  from?: OrderStatus;
  event: OrderEvent;
  /** Needed only where the event has more than one target (refund_close). */
  to?: OrderStatus;
  /** 'shopper:12', 'hq:3', 'wechatpay', 'job:order-timeout'. */
  actor: string;
  note?: string;
  /** Columns to set together with the status (paidAt, carrier, …). */
  set?: Partial<Omit<ShopOrder, 'id' | 'status' | 'kind'>>;
  now: Date;
}

/** The hook context's view of an order. */
export function hookOrder(o: OrderRow): TransitionHookContext['order'] {
  return { id: o.id, orderNo: o.orderNo ?? '', memberId: o.memberId, kind: o.kind as OrderKind, guideId: o.guideId, payableFen: o.payableFen, refundedFen: o.refundedFen };
}

export class OrderTransitions {
  constructor(readonly hooks: OrderHooks) {}

  /**
   * Moves the order or throws ORDER_STATE_CONFLICT (a caller that must tell "already done" from
   * "lost the race" reads the order again). Returns the new status.
   */
  async apply(m: EntityManager, req: TransitionRequest): Promise<OrderStatus> {
    const from = req.from ?? req.order.status;
    const decision = decideTransition(req.order.kind, from, req.event, req.to);
    if (!decision.ok) throw new AppError(decision.code, decision.detail);
    // Compare-and-set: the WHERE on the old status makes the change atomic; affected rows = 1
    // only for the one caller that found the order still in `from`.
    const res = await m
      .createQueryBuilder()
      .update(ShopOrder)
      .set({ ...req.set, status: decision.to, updatedAt: req.now })
      .where('id = :id AND status = :from', { id: req.order.id, from })
      .execute();
    if (res.affected !== 1) throw new AppError('ORDER_STATE_CONFLICT', `order ${req.order.id} is no longer ${from}`);
    await m.insert(OrderStateLog, {
      orderId: req.order.id,
      fromStatus: from,
      toStatus: decision.to,
      event: req.event,
      actor: req.actor,
      note: (req.note ?? '').slice(0, 120),
      createdAt: req.now,
    });
    // Only the CAS winner gets here: hooks run exactly once per transition, in its transaction.
    await this.hooks.afterTransition({ m, order: hookOrder(req.order), from, to: decision.to, event: req.event, actor: req.actor, now: req.now });
    return decision.to;
  }
}
