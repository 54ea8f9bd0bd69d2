/**
 * The order events (points on OrderCompleted, commission on OrderPaid/OrderCompleted, refunds
 * reversing both). Every order event carries the member, the order kind and the guide it is
 * attributed to.
 */
import type { OrderKind } from '@common/order/state';

export interface OrderEventBase {
  orderId: number;
  orderNo: string;
  memberId: number;
  kind: OrderKind;
  /** The guide the order is attributed to; null when none. */
  guideId: number | null;
}

declare module '../outbox' {
  interface OutboxEvents {
    OrderPaid: OrderEventBase & { payableFen: number; transactionId: string; paidAt: string };
    OrderShipped: OrderEventBase & { carrier: string; trackingNo: string };
    /** Commission and points follow payableFen − refundedFen (partial refunds before completion). */
    OrderCompleted: OrderEventBase & { payableFen: number; refundedFen: number };
    OrderCancelled: OrderEventBase & { reason: string };
    OrderRefunded: OrderEventBase & { refundNo: string; amountFen: number; fullyRefunded: boolean };
  }
}

/** The common part of every order event, from the order row. */
export function orderEventBase(o: { id: number; orderNo: string | null; memberId: number; kind: OrderKind; guideId: number | null }): OrderEventBase {
  return { orderId: o.id, orderNo: o.orderNo ?? '', memberId: o.memberId, kind: o.kind, guideId: o.guideId };
}
