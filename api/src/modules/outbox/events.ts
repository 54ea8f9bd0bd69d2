/**
 * Domain events that later features hook into (points on OrderPaid, commission on
 * OrderCompleted, group-buy seats, refunds reversing both). Payloads carry ids and amounts,
 * never whole rows: a handler reads what it needs when it runs.
 */
export interface OutboxEvents {
  OrderPaid: { orderId: number; orderNo: string; memberId: number; payableFen: number; transactionId: string; paidAt: string };
  OrderShipped: { orderId: number; orderNo: string; memberId: number; carrier: string; trackingNo: string };
  /** Commission and points follow payableFen − refundedFen (partial refunds before completion). */
  OrderCompleted: { orderId: number; orderNo: string; memberId: number; payableFen: number; refundedFen: number };
  OrderCancelled: { orderId: number; orderNo: string; memberId: number; reason: string };
  OrderRefunded: { orderId: number; orderNo: string; memberId: number; refundNo: string; amountFen: number; fullyRefunded: boolean };
  // --- guides ---
  /** A WeCom customer-contact callback was accepted; linking and the welcome message run after the reply. */
  WecomContactChanged: { wecomEventId: number };
}

export type OutboxEventType = keyof OutboxEvents;
export const OUTBOX_EVENT_TYPES: readonly OutboxEventType[] = ['OrderPaid', 'OrderShipped', 'OrderCompleted', 'OrderCancelled', 'OrderRefunded', 'WecomContactChanged'];
