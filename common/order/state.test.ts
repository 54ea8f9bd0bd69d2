import { decideTransition, isTerminal, ORDER_EVENTS, ORDER_STATUSES, ORDER_TABS, ORDER_TRANSITIONS, shopperActions, type OrderStatus } from './state';

describe('order state table', () => {
  const reachable = (): Set<OrderStatus> => {
    const seen = new Set<OrderStatus>(['pending_payment']);
    const queue: OrderStatus[] = ['pending_payment'];
    while (queue.length) {
      const from = queue.shift()!;
      for (const targets of Object.values(ORDER_TRANSITIONS[from])) {
        for (const to of targets ?? []) if (!seen.has(to)) (seen.add(to), queue.push(to));
      }
    }
    return seen;
  };

  it('every state is reachable from pending_payment', () => {
    expect([...reachable()].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('terminal states have no exits, and exactly completed, cancelled and refunded are terminal', () => {
    const terminal = ORDER_STATUSES.filter(isTerminal);
    expect(terminal.sort()).toEqual(['cancelled', 'completed', 'refunded']);
    for (const s of terminal) {
      for (const e of ORDER_EVENTS) expect(decideTransition(s, e).ok).toBe(false);
    }
  });

  it('every non-terminal state can still end in a terminal one', () => {
    for (const s of ORDER_STATUSES.filter((x) => !isTerminal(x))) {
      const seen = new Set<OrderStatus>([s]);
      const queue = [s];
      while (queue.length) for (const t of Object.values(ORDER_TRANSITIONS[queue.shift()!]).flat()) if (t && !seen.has(t)) (seen.add(t), queue.push(t));
      expect([...seen].some(isTerminal)).toBe(true);
    }
  });

  it('decideTransition allows exactly the edges of the table and refuses everything else', () => {
    for (const from of ORDER_STATUSES) {
      for (const event of ORDER_EVENTS) {
        const targets = ORDER_TRANSITIONS[from][event] ?? [];
        for (const to of ORDER_STATUSES) {
          expect(decideTransition(from, event, to)).toEqual(
            targets.includes(to) ? { ok: true, to } : expect.objectContaining({ ok: false, code: 'ORDER_STATE_CONFLICT' }),
          );
        }
        // Without a target: allowed only when the event has exactly one.
        const implicit = decideTransition(from, event);
        expect(implicit).toEqual(targets.length === 1 ? { ok: true, to: targets[0] } : expect.objectContaining({ ok: false }));
      }
    }
  });

  it('the main road and its side roads', () => {
    expect(decideTransition('pending_payment', 'pay')).toEqual({ ok: true, to: 'paid' });
    expect(decideTransition('paid', 'ship')).toEqual({ ok: true, to: 'shipped' });
    expect(decideTransition('shipped', 'complete')).toEqual({ ok: true, to: 'completed' });
    expect(decideTransition('pending_payment', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
    expect(decideTransition('paid', 'cancel').ok).toBe(false);
    expect(decideTransition('pending_payment', 'ship').ok).toBe(false);
    expect(decideTransition('refunding', 'refund_close').ok).toBe(false); // ambiguous without a target
    expect(decideTransition('refunding', 'refund_close', 'shipped')).toEqual({ ok: true, to: 'shipped' });
    expect(decideTransition('refunding', 'refund_close', 'completed').ok).toBe(false);
  });

  it('tabs list real statuses and shopper actions follow the state', () => {
    for (const tab of ORDER_TABS) for (const s of tab.statuses) expect(ORDER_STATUSES).toContain(s);
    expect(shopperActions('pending_payment')).toEqual({ cancel: true, pay: true, refund: false, confirm: false });
    expect(shopperActions('shipped')).toEqual({ cancel: false, pay: false, refund: false, confirm: true });
    for (const s of ORDER_STATUSES.filter(isTerminal)) expect(Object.values(shopperActions(s)).some(Boolean)).toBe(false);
  });
});
