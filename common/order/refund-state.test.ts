import { decideRefund, OPEN_REFUND_STATUSES, REFUND_EVENTS, REFUND_OPENINGS, REFUND_STATUSES, REFUND_TRANSITIONS, WECHAT_REFUND_EVENTS, type RefundEvent, type RefundStatus } from './refund-state';

/**
 * The whole table, written out once more by hand: every (status, event) cell is checked against
 * it, so a changed edge must be changed here too, on purpose.
 */
const EXPECTED: Record<RefundStatus, Record<RefundEvent, RefundStatus | null>> = {
  requested: { approve: 'processing', reject: 'rejected', succeed: null, abnormal: null, close: null },
  processing: { approve: null, reject: null, succeed: 'succeeded', abnormal: 'abnormal', close: 'failed' },
  abnormal: { approve: null, reject: null, succeed: 'succeeded', abnormal: null, close: 'failed' },
  failed: { approve: null, reject: null, succeed: 'succeeded', abnormal: null, close: null },
  succeeded: { approve: null, reject: null, succeed: null, abnormal: null, close: null },
  rejected: { approve: null, reject: null, succeed: null, abnormal: null, close: null },
};

describe('refund state table', () => {
  it('covers exactly the refund statuses and events', () => {
    expect(Object.keys(REFUND_TRANSITIONS).sort()).toEqual([...REFUND_STATUSES].sort());
    for (const s of REFUND_STATUSES) for (const e of Object.keys(REFUND_TRANSITIONS[s])) expect(REFUND_EVENTS).toContain(e);
  });

  it.each(REFUND_STATUSES.flatMap((from) => REFUND_EVENTS.map((event) => [from, event] as const)))('%s --%s-->', (from, event) => {
    const to = EXPECTED[from][event];
    expect(decideRefund(from, event)).toEqual(to ? { ok: true, to } : { ok: false, code: 'REFUND_STATE_CONFLICT', detail: expect.stringContaining(from) });
  });

  it('every status is reachable from an opening, and every open one can still end', () => {
    const seen = new Set<RefundStatus>(Object.values(REFUND_OPENINGS));
    const queue = [...seen];
    while (queue.length) for (const to of Object.values(REFUND_TRANSITIONS[queue.shift()!])) if (to && !seen.has(to)) (seen.add(to), queue.push(to));
    expect([...seen].sort()).toEqual([...REFUND_STATUSES].sort());
    for (const s of OPEN_REFUND_STATUSES) expect(Object.values(REFUND_TRANSITIONS[s]).some((to) => !OPEN_REFUND_STATUSES.includes(to!))).toBe(true);
  });

  it('WeChat outcomes: SUCCESS settles even a failed refund, ABNORMAL only a processing one', () => {
    const from = (e: RefundEvent) => REFUND_STATUSES.filter((s) => decideRefund(s, e).ok);
    expect(from(WECHAT_REFUND_EVENTS.SUCCESS)).toEqual(['processing', 'abnormal', 'failed']);
    expect(from(WECHAT_REFUND_EVENTS.ABNORMAL)).toEqual(['processing']);
    expect(from(WECHAT_REFUND_EVENTS.CLOSED)).toEqual(['processing', 'abnormal']);
    expect(REFUND_OPENINGS).toEqual({ request: 'requested', issue: 'processing' });
  });
});
