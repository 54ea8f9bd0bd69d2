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
import type { AdjustmentKind } from './pricing';

/**
 * Order kinds. Each kind has its own table (below); a kind may add states and events of its own
 * (a paid group seat waits for its group before it can ship) without touching another kind's.
 */
export const ORDER_KINDS = ['normal', 'group_seat', 'points_redemption', 'pickup'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'completed',
  'cancelled',
  'refunding',
  'refunded',
  /** group_seat: paid, waiting for the group to fill (待成团); cannot ship. */
  'grouping',
  /** pickup: paid, waiting at the store for the shopper (待自提); collected at the counter by its code. */
  'pickup_ready',
] as const;
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
  /** group_seat: the group filled (every seat paid). */
  'group_succeed',
  /** group_seat: the group's time limit or campaign ended first; the seat is refunded in full. */
  'group_fail',
  /** pickup: the store handed the goods over against the pickup code (已自提); completes the order. */
  'collect',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/** from -> event -> the states the event may lead to (more than one only where the caller picks). */
export type TransitionTable = Partial<Record<OrderStatus, Partial<Record<OrderEvent, readonly OrderStatus[]>>>>;

/** The table every kind starts from: an ordinary order. */
export const NORMAL_TRANSITIONS = {
  pending_payment: { pay: ['paid'], cancel: ['cancelled'] },
  paid: { ship: ['shipped'], refund_request: ['refunding'] },
  shipped: { complete: ['completed'], refund_request: ['refunding'] },
  refunding: { refund_close: ['paid', 'shipped'], refund_succeed: ['refunded'] },
  completed: {},
  cancelled: {},
  refunded: {},
} as const satisfies TransitionTable;

/**
 * A kind's table: the normal one with some states' edges replaced or added. Replacing a state's
 * edges replaces all of them (say every event the state keeps).
 */
export function extendTable(base: TransitionTable, changes: TransitionTable): TransitionTable {
  return { ...base, ...changes };
}

/** One table per kind: the data every transition in api/ asks. */
export const ORDER_TABLES: Record<OrderKind, TransitionTable> = {
  normal: NORMAL_TRANSITIONS,
  /**
   * A seat: paying it leads to 待成团 (grouping), not 待发货; the group's outcome moves it on —
   * success to paid (an ordinary order from then on), failure to refunding (a full automatic
   * refund). A refund that WeChat closes brings a failed seat back to grouping, where the
   * group-buy job opens its refund again.
   */
  group_seat: extendTable(NORMAL_TRANSITIONS, {
    pending_payment: { pay: ['grouping'], cancel: ['cancelled'] },
    grouping: { group_succeed: ['paid'], group_fail: ['refunding'] },
    refunding: { refund_close: ['paid', 'shipped', 'grouping'], refund_succeed: ['refunded'] },
  }),
  /**
   * A points-mall redemption: as a normal order, and one paid wholly in points (paid at creation,
   * nothing to refund) may be cancelled until it ships — points, unit and limit come back through
   * the cancel's release. One with cash paid is refunded instead (see canShopperCancel).
   */
  points_redemption: extendTable(NORMAL_TRANSITIONS, {
    paid: { ship: ['shipped'], refund_request: ['refunding'], cancel: ['cancelled'] },
  }),
  /**
   * 到店自提: nothing ships. Paying leads to 待自提 (pickup_ready); the store's 核销 (collect)
   * completes it, through the same `completed` state (and OrderCompleted) a received parcel
   * reaches, so points, commission and reports need no pickup case. The shopper's 确认收货
   * (complete) is not an edge here: only the store hands goods over. A ready order can be
   * refunded as a paid one can; a partial refund returns it to 待自提. Written out whole (not
   * extended from the normal table) so no unreachable paid/shipped states come along.
   */
  pickup: {
    pending_payment: { pay: ['pickup_ready'], cancel: ['cancelled'] },
    pickup_ready: { collect: ['completed'], refund_request: ['refunding'] },
    refunding: { refund_close: ['pickup_ready'], refund_succeed: ['refunded'] },
    completed: {},
    cancelled: {},
    refunded: {},
  },
};

/**
 * The price adjustments each kind accepts (pricing.ts ADJUSTMENT_ORDER), next to its table: the
 * checkout runner runs an adjustment's contributor only on a kind that accepts it, refuses the
 * shopper's request for one that it does not, and drops any that slipped in. A contributor never
 * tests the kind itself. A special price (a group price, a points-mall price) is not lowered
 * again by a store promotion or the member price; the ways of paying part of it (a coupon,
 * points) still apply to a group seat; a redemption is priced in points and takes nothing else.
 */
export const ACCEPTED_ADJUSTMENTS: Record<OrderKind, readonly AdjustmentKind[]> = {
  normal: ['promotion', 'member', 'coupon', 'points'],
  group_seat: ['coupon', 'points'],
  points_redemption: [],
  pickup: ['promotion', 'member', 'coupon', 'points'],
};

export function acceptsAdjustment(kind: OrderKind, adjustment: AdjustmentKind): boolean {
  return ACCEPTED_ADJUSTMENTS[kind].includes(adjustment);
}

export const ORDER_KIND_LABELS: Record<OrderKind, string> = { normal: '普通订单', group_seat: '拼团', points_redemption: '积分兑换', pickup: '到店自提' };
const ADJUSTMENT_LABELS: Record<AdjustmentKind, string> = { promotion: '店铺优惠', member: '会员价', coupon: '优惠券', points: '积分抵扣' };

/** The copy of refusing an adjustment the kind does not accept: 积分兑换不能使用优惠券. */
export const adjustmentRefusal = (kind: OrderKind, adjustment: AdjustmentKind): string => `${ORDER_KIND_LABELS[kind]}不能使用${ADJUSTMENT_LABELS[adjustment]}`;

/** The states of a kind: every state its table names. */
export function statesOf(kind: OrderKind): OrderStatus[] {
  const t = ORDER_TABLES[kind];
  const seen = new Set<OrderStatus>(Object.keys(t) as OrderStatus[]);
  for (const edges of Object.values(t)) for (const targets of Object.values(edges ?? {})) for (const s of targets ?? []) seen.add(s);
  return [...seen];
}

/** May `event` fire from `status` for an order of `kind`? */
export function canFire(kind: OrderKind, status: OrderStatus, event: OrderEvent): boolean {
  return !!ORDER_TABLES[kind][status]?.[event]?.length;
}

/** Every state of `kind` from which `event` may fire (e.g. where a refund may be opened). */
export function statusesAllowing(kind: OrderKind, event: OrderEvent): OrderStatus[] {
  return (Object.keys(ORDER_TABLES[kind]) as OrderStatus[]).filter((s) => canFire(kind, s, event));
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '待发货',
  shipped: '待收货',
  completed: '已完成',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
  grouping: '待成团',
  pickup_ready: '待自提',
};

/** The label of a status as the order's kind shows it: a collected pickup order is 已自提. */
export function statusLabel(status: OrderStatus, kind: OrderKind = 'normal'): string {
  if (kind === 'pickup' && status === 'completed') return '已自提';
  return ORDER_STATUS_LABELS[status];
}

/** Whether an order of `kind` ever ships (needs a delivery address and freight); a pickup order does not. */
export function kindShips(kind: OrderKind): boolean {
  return Object.values(ORDER_TABLES[kind]).some((edges) => !!edges && 'ship' in edges);
}

/**
 * Is the order still waiting to be handed over (it can ship, or be collected at the store)? A
 * shopper may ask for a refund only then; after it, returns go through customer service.
 */
export function beforeHandOver(kind: OrderKind, status: OrderStatus): boolean {
  return canFire(kind, status, 'ship') || canFire(kind, status, 'collect');
}

/** Tabs of 订单列表; each lists the statuses it shows. */
export const ORDER_TABS = [
  { key: 'all', label: '全部', statuses: [] as OrderStatus[] },
  { key: 'pending_payment', label: '待付款', statuses: ['pending_payment'] as OrderStatus[] },
  { key: 'grouping', label: '待成团', statuses: ['grouping'] as OrderStatus[] },
  { key: 'paid', label: '待发货', statuses: ['paid'] as OrderStatus[] },
  { key: 'pickup_ready', label: '待自提', statuses: ['pickup_ready'] as OrderStatus[] },
  { key: 'shipped', label: '待收货', statuses: ['shipped'] as OrderStatus[] },
  { key: 'after_sale', label: '退款/售后', statuses: ['refunding', 'refunded'] as OrderStatus[] },
] as const;
export type OrderTabKey = (typeof ORDER_TABS)[number]['key'];

export type TransitionDecision = { ok: true; to: OrderStatus } | { ok: false; code: 'ORDER_STATE_CONFLICT'; detail: string };

/**
 * May `event` move an order of `kind` in `from` to `to`? `to` may be omitted when the event has
 * exactly one target. A pure rule: the API asks it, then writes with compare-and-set on `from`.
 */
export function decideTransition(kind: OrderKind, from: OrderStatus, event: OrderEvent, to?: OrderStatus): TransitionDecision {
  const targets = ORDER_TABLES[kind][from]?.[event];
  if (!targets?.length) return { ok: false, code: 'ORDER_STATE_CONFLICT', detail: `${event} is not allowed from ${from} (${kind})` };
  const target = to ?? (targets.length === 1 ? targets[0] : undefined);
  if (!target || !targets.includes(target)) return { ok: false, code: 'ORDER_STATE_CONFLICT', detail: `${event} cannot lead ${from} to ${to} (${kind})` };
  return { ok: true, to: target };
}

export function isTerminal(status: OrderStatus, kind: OrderKind = 'normal'): boolean {
  return Object.keys(ORDER_TABLES[kind][status] ?? {}).length === 0;
}

/**
 * May the shopper cancel it? Where the kind's table allows a cancel, and either nothing has been
 * paid yet (it can still be paid) or nothing was paid at all (a zero-cash order): money that was
 * paid goes back through a refund, never a cancel.
 */
export function canShopperCancel(kind: OrderKind, status: OrderStatus, payableFen: number): boolean {
  return canFire(kind, status, 'cancel') && (canFire(kind, status, 'pay') || payableFen === 0);
}

/**
 * What a shopper may do with an order in this state: drives the buttons of 订单详情. Asked of the
 * table: a shopper asks for a refund only while the order can still ship (before shipment;
 * after it, returns go through customer service), and only of money actually paid.
 */
export function shopperActions(status: OrderStatus, kind: OrderKind = 'normal', payableFen = 1): { cancel: boolean; pay: boolean; refund: boolean; confirm: boolean } {
  return {
    cancel: canShopperCancel(kind, status, payableFen),
    pay: canFire(kind, status, 'pay'),
    refund: canFire(kind, status, 'refund_request') && beforeHandOver(kind, status) && payableFen > 0,
    confirm: canFire(kind, status, 'complete'),
  };
}
