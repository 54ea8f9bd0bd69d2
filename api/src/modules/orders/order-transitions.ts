/**
 * The one way an order changes state: ask the table in common/order/state.ts, then a
 * compare-and-set UPDATE on the current status, then a state-log row, all inside the caller's
 * transaction. Whoever loses a race (payment notification vs. timeout job, two notifications)
 * sees zero affected rows and gets ORDER_STATE_CONFLICT, so each transition happens once.
 */
import type { EntityManager } from 'typeorm';
import { decideTransition, type OrderEvent, type OrderStatus } from '@common/order/state';
import { AppError } from '../../http/app-error';
import { OrderStateLog, ShopOrder } from './orders.entities';

export interface TransitionRequest {
  orderId: number;
  from: OrderStatus;
  event: OrderEvent;
  /** Needed only where the event has more than one target (refund_close). */
  to?: OrderStatus;
  /** 'shopper:12', 'hq:3', 'wechatpay', 'job:order-timeout'. */
  actor: string;
  note?: string;
  /** Columns to set together with the status (paidAt, carrier, …). */
  set?: Partial<Omit<ShopOrder, 'id' | 'status'>>;
  now: Date;
}

/**
 * Moves the order or throws ORDER_STATE_CONFLICT (a caller that must tell "already done" from
 * "lost the race" reads the order again). Returns the new status.
 */
export async function transitionOrder(m: EntityManager, req: TransitionRequest): Promise<OrderStatus> {
  const decision = decideTransition(req.from, req.event, req.to);
  if (!decision.ok) throw new AppError(decision.code, decision.detail);
  // Compare-and-set: the WHERE on the old status makes the change atomic; affected rows = 1
  // only for the one caller that found the order still in `from`.
  const res = await m
    .createQueryBuilder()
    .update(ShopOrder)
    .set({ ...req.set, status: decision.to, updatedAt: req.now })
    .where('id = :id AND status = :from', { id: req.orderId, from: req.from })
    .execute();
  if (res.affected !== 1) throw new AppError('ORDER_STATE_CONFLICT', `order ${req.orderId} is no longer ${req.from}`);
  await m.insert(OrderStateLog, {
    orderId: req.orderId,
    fromStatus: req.from,
    toStatus: decision.to,
    event: req.event,
    actor: req.actor,
    note: (req.note ?? '').slice(0, 120),
    createdAt: req.now,
  });
  return decision.to;
}
