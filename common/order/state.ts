/**
 * The order state machine, as data. `api/` moves an order only along these edges, each time by
 * a compare-and-set `UPDATE … WHERE id = ? AND status = <from>` plus a state-log row, so two
 * racing actors (a payment notification and the timeout job, say) can never both win.
 *
 *   pending_payment ──pay──▶ paid ──ship──▶ shipped ──complete──▶ completed
 *        │                    │               │
 *        └─cancel─▶ cancelled  └──refund_request──▶ refunding ──refund_succeed──▶ refunded
 *                                              ◀──refund_close── (back to paid or shipped)
 *
 * A partial refund leaves refunding for the state the order came from; only a refund that brings
 * the refunded total up to what was paid ends in `refunded`.
 */

export const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'completed', 'cancelled', 'refunding', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_EVENTS = [
  'pay',
  'cancel',
  'ship',
  'complete',
  'refund_request',
  /** A refund ended without emptying the order (partial refund done, or the request rejected/failed). */
  'refund_close',
  /** The refunded total reached the paid total. */
  'refund_succeed',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

type Table = Record<OrderStatus, Partial<Record<OrderEvent, readonly OrderStatus[]>>>;

/** from -> event -> the states the event may lead to (more than one only where the caller picks). */
export const ORDER_TRANSITIONS: Table = {
  pending_payment: { pay: ['paid'], cancel: ['cancelled'] },
  paid: { ship: ['shipped'], refund_request: ['refunding'] },
  shipped: { complete: ['completed'], refund_request: ['refunding'] },
  refunding: { refund_close: ['paid', 'shipped'], refund_succeed: ['refunded'] },
  completed: {},
  cancelled: {},
  refunded: {},
};

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '待发货',
  shipped: '待收货',
  completed: '已完成',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
};

/** Tabs of 订单列表; each lists the statuses it shows. */
export const ORDER_TABS = [
  { key: 'all', label: '全部', statuses: [] as OrderStatus[] },
  { key: 'pending_payment', label: '待付款', statuses: ['pending_payment'] as OrderStatus[] },
  { key: 'paid', label: '待发货', statuses: ['paid'] as OrderStatus[] },
  { key: 'shipped', label: '待收货', statuses: ['shipped'] as OrderStatus[] },
  { key: 'after_sale', label: '退款/售后', statuses: ['refunding', 'refunded'] as OrderStatus[] },
] as const;
export type OrderTabKey = (typeof ORDER_TABS)[number]['key'];

export type TransitionDecision = { ok: true; to: OrderStatus } | { ok: false; code: 'ORDER_STATE_CONFLICT'; detail: string };

/**
 * May `event` move an order in `from` to `to`? `to` may be omitted when the event has exactly
 * one target. A pure rule: the API asks it, then writes with compare-and-set on `from`.
 */
export function decideTransition(from: OrderStatus, event: OrderEvent, to?: OrderStatus): TransitionDecision {
  const targets = ORDER_TRANSITIONS[from][event];
  if (!targets?.length) return { ok: false, code: 'ORDER_STATE_CONFLICT', detail: `${event} is not allowed from ${from}` };
  const target = to ?? (targets.length === 1 ? targets[0] : undefined);
  if (!target || !targets.includes(target)) return { ok: false, code: 'ORDER_STATE_CONFLICT', detail: `${event} cannot lead ${from} to ${to}` };
  return { ok: true, to: target };
}

export function isTerminal(status: OrderStatus): boolean {
  return Object.keys(ORDER_TRANSITIONS[status]).length === 0;
}

/** What a shopper may do with an order in this state: drives the buttons of 订单详情. */
export function shopperActions(status: OrderStatus): { cancel: boolean; pay: boolean; refund: boolean; confirm: boolean } {
  return {
    cancel: status === 'pending_payment',
    pay: status === 'pending_payment',
    // Shoppers ask for a refund before shipment; after it, returns go through customer service.
    refund: status === 'paid',
    confirm: status === 'shipped',
  };
}
