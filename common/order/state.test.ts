import { ADJUSTMENT_ORDER, type AdjustmentKind } from './pricing';
import {
  ACCEPTED_ADJUSTMENTS,
  acceptsAdjustment,
  adjustmentRefusal,
  beforeHandOver,
  canFire,
  canShopperCancel,
  decideTransition,
  extendTable,
  isTerminal,
  kindShips,
  NORMAL_TRANSITIONS,
  ORDER_EVENTS,
  ORDER_KINDS,
  ORDER_STATUSES,
  ORDER_TABLES,
  ORDER_TABS,
  shopperActions,
  statesOf,
  statusesAllowing,
  statusLabel,
  type OrderKind,
  type OrderStatus,
} from './state';

const exits = (kind: OrderKind, from: OrderStatus): OrderStatus[] => Object.values(ORDER_TABLES[kind][from] ?? {}).flatMap((t) => [...(t ?? [])]);

describe.each(ORDER_KINDS)('the %s order table', (kind) => {
  const states = statesOf(kind);

  it('every state is reachable from pending_payment', () => {
    const seen = new Set<OrderStatus>(['pending_payment']);
    const queue: OrderStatus[] = ['pending_payment'];
    while (queue.length) for (const to of exits(kind, queue.shift()!)) if (!seen.has(to)) (seen.add(to), queue.push(to));
    expect([...seen].sort()).toEqual([...states].sort());
  });

  it('terminal states have no exits, and every other state can still end in one', () => {
    for (const s of states.filter((x) => isTerminal(x, kind))) {
      for (const e of ORDER_EVENTS) expect(decideTransition(kind, s, e).ok).toBe(false);
    }
    for (const s of states.filter((x) => !isTerminal(x, kind))) {
      const seen = new Set<OrderStatus>([s]);
      const queue = [s];
      while (queue.length) for (const t of exits(kind, queue.shift()!)) if (!seen.has(t)) (seen.add(t), queue.push(t));
      expect([...seen].some((x) => isTerminal(x, kind))).toBe(true);
    }
  });

  it('decideTransition allows exactly the cells of the table and refuses everything else', () => {
    for (const from of ORDER_STATUSES) {
      for (const event of ORDER_EVENTS) {
        const targets = ORDER_TABLES[kind][from]?.[event] ?? [];
        expect(canFire(kind, from, event)).toBe(targets.length > 0);
        for (const to of ORDER_STATUSES) {
          expect(decideTransition(kind, from, event, to)).toEqual(
            targets.includes(to) ? { ok: true, to } : expect.objectContaining({ ok: false, code: 'ORDER_STATE_CONFLICT' }),
          );
        }
        // Without a target: allowed only when the event has exactly one.
        const implicit = decideTransition(kind, from, event);
        expect(implicit).toEqual(targets.length === 1 ? { ok: true, to: targets[0] } : expect.objectContaining({ ok: false }));
      }
    }
  });

  it('statusesAllowing lists exactly the states an event fires from', () => {
    for (const e of ORDER_EVENTS) expect(statusesAllowing(kind, e).sort()).toEqual(states.filter((s) => canFire(kind, s, e)).sort());
  });

  it('shopper actions follow the table: nothing on a terminal order, a refund only before shipment (or collection)', () => {
    for (const s of states) {
      const a = shopperActions(s, kind);
      // With money paid: a cancel only while unpaid; a refund only before shipment.
      expect(a.cancel).toBe(canFire(kind, s, 'cancel') && canFire(kind, s, 'pay'));
      expect(a.pay).toBe(canFire(kind, s, 'pay'));
      expect(a.refund).toBe(canFire(kind, s, 'refund_request') && (canFire(kind, s, 'ship') || canFire(kind, s, 'collect')));
      // Nothing paid (a zero-cash order): a cancel wherever the table allows one, never a refund.
      const free = shopperActions(s, kind, 0);
      expect(free.cancel).toBe(canFire(kind, s, 'cancel'));
      expect(free.refund).toBe(false);
      if (isTerminal(s, kind)) expect(Object.values(a).some(Boolean)).toBe(false);
    }
  });
});

describe('the normal order', () => {
  it('the main road and its side roads', () => {
    expect(decideTransition('normal', 'pending_payment', 'pay')).toEqual({ ok: true, to: 'paid' });
    expect(decideTransition('normal', 'paid', 'ship')).toEqual({ ok: true, to: 'shipped' });
    expect(decideTransition('normal', 'shipped', 'complete')).toEqual({ ok: true, to: 'completed' });
    expect(decideTransition('normal', 'pending_payment', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
    expect(decideTransition('normal', 'paid', 'cancel').ok).toBe(false);
    expect(decideTransition('normal', 'pending_payment', 'ship').ok).toBe(false);
    expect(decideTransition('normal', 'refunding', 'refund_close').ok).toBe(false); // ambiguous without a target
    expect(decideTransition('normal', 'refunding', 'refund_close', 'shipped')).toEqual({ ok: true, to: 'shipped' });
    expect(decideTransition('normal', 'refunding', 'refund_close', 'completed').ok).toBe(false);
    expect(statusesAllowing('normal', 'refund_request').sort()).toEqual(['paid', 'shipped']);
  });

  it('tabs list real statuses; a shopper may pay or cancel unpaid, ask a refund when paid, confirm when shipped', () => {
    for (const tab of ORDER_TABS) for (const s of tab.statuses) expect(ORDER_STATUSES).toContain(s);
    expect(shopperActions('pending_payment')).toEqual({ cancel: true, pay: true, refund: false, confirm: false });
    expect(shopperActions('paid')).toEqual({ cancel: false, pay: false, refund: true, confirm: false });
    expect(shopperActions('shipped')).toEqual({ cancel: false, pay: false, refund: false, confirm: true });
  });
});

describe('the points-mall redemption', () => {
  it('paid wholly in points, it can be cancelled until it ships; with cash paid, it is refunded instead', () => {
    expect(decideTransition('points_redemption', 'paid', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
    expect(decideTransition('points_redemption', 'shipped', 'cancel').ok).toBe(false);
    expect(canShopperCancel('points_redemption', 'paid', 0)).toBe(true);
    expect(canShopperCancel('points_redemption', 'paid', 990)).toBe(false);
    expect(canShopperCancel('points_redemption', 'pending_payment', 990)).toBe(true);
    expect(canShopperCancel('normal', 'paid', 0)).toBe(false);
  });
});

describe('extendTable', () => {
  it('replaces the named states and keeps the rest of the base table', () => {
    const t = extendTable(NORMAL_TRANSITIONS, { paid: { refund_request: ['refunding'] } });
    expect(t.paid).toEqual({ refund_request: ['refunding'] });
    expect(t.shipped).toBe(NORMAL_TRANSITIONS.shipped);
    expect(NORMAL_TRANSITIONS.paid).toEqual({ ship: ['shipped'], refund_request: ['refunding'] });
  });
});

describe('the price adjustments each kind accepts', () => {
  // The stated rules: a special price (group, points mall) is not lowered again by a promotion
  // or the member price; a coupon and points are ways of paying, refused only where the order
  // is paid in points. A pickup order is an ordinary order collected in the store: it takes all.
  const priceLowering: readonly AdjustmentKind[] = ['promotion', 'member'];
  const expected = (kind: OrderKind, a: AdjustmentKind): boolean =>
    kind === 'normal' || kind === 'pickup' || (kind === 'group_seat' && !priceLowering.includes(a));

  it.each(ORDER_KINDS.flatMap((kind) => ADJUSTMENT_ORDER.map((a) => [kind, a] as const)))('%s × %s', (kind, a) => {
    expect(acceptsAdjustment(kind, a)).toBe(expected(kind, a));
  });

  it('every kind declares its list, of known adjustments only, each once', () => {
    for (const kind of ORDER_KINDS) {
      const list = ACCEPTED_ADJUSTMENTS[kind];
      expect(list.every((a) => ADJUSTMENT_ORDER.includes(a))).toBe(true);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('a refusal says which kind refused what, as the API answers it', () => {
    expect(adjustmentRefusal('points_redemption', 'coupon')).toBe('积分兑换不能使用优惠券');
    expect(adjustmentRefusal('points_redemption', 'points')).toBe('积分兑换不能使用积分抵扣');
    expect(adjustmentRefusal('group_seat', 'member')).toBe('拼团不能使用会员价');
  });
});

describe('the pickup kind', () => {
  it('is paid into 待自提, collected (only by the store) into completed, shown as 已自提', () => {
    expect(decideTransition('pickup', 'pending_payment', 'pay')).toEqual({ ok: true, to: 'pickup_ready' });
    expect(decideTransition('pickup', 'pickup_ready', 'collect')).toEqual({ ok: true, to: 'completed' });
    // The shopper's 确认收货 is not an edge: only the store hands goods over.
    expect(canFire('pickup', 'pickup_ready', 'complete')).toBe(false);
    expect(canFire('pickup', 'pickup_ready', 'ship')).toBe(false);
    expect(statusLabel('completed', 'pickup')).toBe('已自提');
    expect(statusLabel('completed', 'normal')).toBe('已完成');
    expect(statusLabel('pickup_ready', 'pickup')).toBe('待自提');
  });

  it('refunds a ready order like a paid one; a partial refund returns it to 待自提', () => {
    expect(shopperActions('pickup_ready', 'pickup')).toEqual({ cancel: false, pay: false, refund: true, confirm: false });
    expect(decideTransition('pickup', 'refunding', 'refund_close')).toEqual({ ok: true, to: 'pickup_ready' });
    expect(beforeHandOver('pickup', 'completed')).toBe(false);
  });

  it('never ships, so it takes no address; every other kind does', () => {
    expect(ORDER_KINDS.filter((k) => !kindShips(k))).toEqual(['pickup']);
  });
});
