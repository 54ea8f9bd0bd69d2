import { canFire, isTerminal, ORDER_EVENTS, ORDER_STATUSES, ORDER_TABLES, type OrderStatus } from '../order/state';
import { CAMPAIGN_EVENTS, CAMPAIGN_STATUSES, CAMPAIGN_TRANSITIONS, campaignNext, GROUP_EVENTS, GROUP_STATUSES, GROUP_TRANSITIONS, groupNext } from './state';

/** Every cell of both tables, written out: a change to a table must change this test. */
const CAMPAIGN_EXPECTED: Record<string, Record<string, string | null>> = {
  draft: { schedule: 'scheduled', start: null, end: 'ended' },
  scheduled: { schedule: null, start: 'running', end: 'ended' },
  running: { schedule: null, start: null, end: 'ended' },
  ended: { schedule: null, start: null, end: null },
};
const GROUP_EXPECTED: Record<string, Record<string, string | null>> = {
  open: { succeed: 'succeeded', fail: 'failed' },
  succeeded: { succeed: null, fail: null },
  failed: { succeed: null, fail: null },
};

function reachable<S extends string>(table: Record<S, Partial<Record<string, S>>>, start: S): Set<S> {
  const seen = new Set<S>([start]);
  const todo = [start];
  while (todo.length) for (const to of Object.values(table[todo.pop()!]) as S[]) if (!seen.has(to)) (seen.add(to), todo.push(to));
  return seen;
}

describe('campaign table', () => {
  it.each(CAMPAIGN_STATUSES.flatMap((s) => CAMPAIGN_EVENTS.map((e) => [s, e] as const)))('%s + %s', (s, e) => {
    expect(campaignNext(s, e)).toBe(CAMPAIGN_EXPECTED[s][e]);
  });
  it('reaches every state from draft, and ended has no exits', () => {
    expect([...reachable(CAMPAIGN_TRANSITIONS, 'draft')].sort()).toEqual([...CAMPAIGN_STATUSES].sort());
    expect(Object.keys(CAMPAIGN_TRANSITIONS.ended)).toEqual([]);
  });
});

describe('group table', () => {
  it.each(GROUP_STATUSES.flatMap((s) => GROUP_EVENTS.map((e) => [s, e] as const)))('%s + %s', (s, e) => {
    expect(groupNext(s, e)).toBe(GROUP_EXPECTED[s][e]);
  });
  it('reaches every state from open, and the settled states have no exits', () => {
    expect([...reachable(GROUP_TRANSITIONS, 'open')].sort()).toEqual([...GROUP_STATUSES].sort());
    expect(Object.keys(GROUP_TRANSITIONS.succeeded)).toEqual([]);
    expect(Object.keys(GROUP_TRANSITIONS.failed)).toEqual([]);
  });
});

/** The seat is an order of kind group_seat: its table lives with the other kinds' in common/order/state.ts. */
describe('seat table (order kind group_seat)', () => {
  const t = ORDER_TABLES.group_seat;
  const EXPECTED: Record<string, Record<string, string[]>> = {
    pending_payment: { pay: ['grouping'], cancel: ['cancelled'] },
    grouping: { group_succeed: ['paid'], group_fail: ['refunding'] },
    paid: { ship: ['shipped'], refund_request: ['refunding'] },
    shipped: { complete: ['completed'], refund_request: ['refunding'] },
    refunding: { refund_close: ['paid', 'shipped', 'grouping'], refund_succeed: ['refunded'] },
    completed: {},
    cancelled: {},
    refunded: {},
  };
  it.each(ORDER_STATUSES.flatMap((s) => ORDER_EVENTS.map((e) => [s, e] as const)))('%s + %s', (s, e) => {
    expect([...(t[s]?.[e] ?? [])]).toEqual(EXPECTED[s]?.[e] ?? []);
  });
  it('reaches every seat state from pending_payment; a paid seat cannot ship before its group succeeds', () => {
    const seen = new Set<OrderStatus>(['pending_payment']);
    const todo: OrderStatus[] = ['pending_payment'];
    while (todo.length) for (const targets of Object.values(t[todo.pop()!] ?? {})) for (const to of targets ?? []) if (!seen.has(to)) (seen.add(to), todo.push(to));
    expect([...seen].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const terminal of ['completed', 'cancelled', 'refunded'] as const) expect(isTerminal(terminal, 'group_seat')).toBe(true);
    expect(canFire('group_seat', 'grouping', 'ship')).toBe(false);
    expect(canFire('group_seat', 'grouping', 'refund_request')).toBe(false);
    // The other kinds never see the seat's states or events.
    expect(canFire('normal', 'pending_payment', 'pay') && ORDER_TABLES.normal.pending_payment?.pay).toEqual(['paid']);
    expect(ORDER_TABLES.normal.grouping).toBeUndefined();
  });
});
