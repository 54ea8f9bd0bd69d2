/**
 * Domain events that later features hook into (points on OrderCompleted, commission on
 * OrderPaid/OrderCompleted, refunds reversing both, the new-member gift on MemberRegistered).
 * Payloads carry ids and amounts, never whole rows: a handler reads what it needs when it runs.
 * Every order event carries the member, the order kind and the guide it is attributed to.
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

export interface OutboxEvents {
  OrderPaid: OrderEventBase & { payableFen: number; transactionId: string; paidAt: string };
  OrderShipped: OrderEventBase & { carrier: string; trackingNo: string };
  /** Commission and points follow payableFen − refundedFen (partial refunds before completion). */
  OrderCompleted: OrderEventBase & { payableFen: number; refundedFen: number };
  OrderCancelled: OrderEventBase & { reason: string };
  OrderRefunded: OrderEventBase & { refundNo: string; amountFen: number; fullyRefunded: boolean };
  /**
   * A shopper's first login created their member (exactly once per member, in that transaction).
   * shareToken: the token of the share path they arrived by, unverified (a referral's evidence).
   */
  MemberRegistered: { memberId: number; shareToken: string | null };
  // --- membership & points ---
  /** Points of a member's lots expire at `expiresAt` (sent 30 days before, once per member and date). */
  PointsExpiring: { memberId: number; points: number; expiresAt: string };
}

export type OutboxEventType = keyof OutboxEvents;

/** The common part of every order event, from the order row. */
export function orderEventBase(o: { id: number; orderNo: string | null; memberId: number; kind: OrderKind; guideId: number | null }): OrderEventBase {
  return { orderId: o.id, orderNo: o.orderNo ?? '', memberId: o.memberId, kind: o.kind, guideId: o.guideId };
}
