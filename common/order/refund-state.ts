/**
 * The refund state machine, as data. `api/` moves a refund only along these edges, each time by
 * a compare-and-set `UPDATE refund SET status = <to> WHERE id = ? AND status = <from>` plus a
 * refund_state_log row, so an approve racing a reject, or a notification racing the poller,
 * changes a refund once.
 *
 *   (shopper asks) ─▶ requested ──approve──▶ processing ──succeed──▶ succeeded
 *                        │                     │  ▲ (HQ issues / auto-refund start here)
 *                        └─reject─▶ rejected   │  └─ abnormal: the payout failed, WeChat retries
 *                                              └──close──▶ failed ──succeed (late)──▶ succeeded
 *
 * WeChat's SUCCESS is its final word: it settles a refund we had marked failed too.
 */
import { REFUND_STATUSES, type RefundStatus } from './types';

export { REFUND_STATUSES, type RefundStatus };

export const REFUND_EVENTS = [
  /** HQ approves a shopper's request; the refund is then sent to WeChat Pay. */
  'approve',
  /** HQ rejects a shopper's request. */
  'reject',
  /** WeChat Pay reports SUCCESS. */
  'succeed',
  /** WeChat Pay reports ABNORMAL: the money left the merchant, the payout to the shopper failed. */
  'abnormal',
  /** WeChat Pay reports CLOSED, or refused the refund for good and has no record of it. */
  'close',
] as const;
export type RefundEvent = (typeof REFUND_EVENTS)[number];

/** How a refund starts: a shopper's request waits for HQ; HQ's own refund goes out at once. */
export const REFUND_OPENINGS = { request: 'requested', issue: 'processing' } as const satisfies Record<string, RefundStatus>;

/** from -> event -> to. A missing cell is a conflict. */
export const REFUND_TRANSITIONS: Record<RefundStatus, Partial<Record<RefundEvent, RefundStatus>>> = {
  requested: { approve: 'processing', reject: 'rejected' },
  processing: { succeed: 'succeeded', abnormal: 'abnormal', close: 'failed' },
  abnormal: { succeed: 'succeeded', close: 'failed' },
  // A late SUCCESS after we closed it on our side: WeChat did refund, so it succeeded.
  failed: { succeed: 'succeeded' },
  succeeded: {},
  rejected: {},
};

/** The refund statuses still waiting for an outcome (one per order at a time). */
export const OPEN_REFUND_STATUSES: readonly RefundStatus[] = ['requested', 'processing', 'abnormal'];

/** WeChat Pay's refund outcomes, as our events (PROCESSING changes nothing). */
export const WECHAT_REFUND_EVENTS = { SUCCESS: 'succeed', ABNORMAL: 'abnormal', CLOSED: 'close' } as const satisfies Record<string, RefundEvent>;

export type RefundDecision = { ok: true; to: RefundStatus } | { ok: false; code: 'REFUND_STATE_CONFLICT'; detail: string };

/** May `event` move a refund in `from`? A pure rule: the API asks it, then writes with compare-and-set on `from`. */
export function decideRefund(from: RefundStatus, event: RefundEvent): RefundDecision {
  const to = REFUND_TRANSITIONS[from][event];
  return to ? { ok: true, to } : { ok: false, code: 'REFUND_STATE_CONFLICT', detail: `refund ${event} is not allowed from ${from}` };
}
