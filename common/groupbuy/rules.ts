/**
 * Group-buy decisions as pure functions: the API loads the facts, asks, then writes with
 * conditional SQL (the rules say what should happen; the conditional updates make it so under
 * races). The clock is always passed in.
 */
import type { CampaignStatus, GroupStatus } from './state';

export const GROUP_SIZE_MIN = 2;
export const GROUP_SIZE_MAX = 10;
export const GROUP_HOURS_MAX = 72;
export const PER_SHOPPER_LIMIT_MAX = 10;
export const CAMPAIGN_STOCK_MAX = 100_000;

export type GroupBuyCode =
  | 'GROUPBUY_NOT_STARTED'
  | 'GROUPBUY_ENDED'
  | 'GROUPBUY_SOLD_OUT'
  | 'GROUPBUY_GROUP_FULL'
  | 'GROUPBUY_GROUP_CLOSED'
  | 'GROUPBUY_ALREADY_IN_GROUP'
  | 'GROUPBUY_LIMIT_REACHED'
  | 'GROUPBUY_QUANTITY_OVER_LIMIT';

export type Decision = { ok: true } | { ok: false; code: GroupBuyCode };

export interface CampaignFacts {
  status: CampaignStatus;
  startAt: Date;
  endAt: Date;
  groupHours: number;
  perShopperLimit: number;
  /** Units not yet held or sold. */
  left: number;
}

export interface GroupFacts {
  status: GroupStatus;
  size: number;
  seatsTaken: number;
  seatsPaid: number;
  expiresAt: Date;
}

export type CampaignPhase = 'draft' | 'upcoming' | 'running' | 'ended';

/** Where a campaign stands at `now`: the stored status, refined by the window. */
export function campaignPhase(c: Pick<CampaignFacts, 'status' | 'startAt' | 'endAt'>, now: Date): CampaignPhase {
  if (c.status === 'draft') return 'draft';
  if (c.status === 'ended' || now >= c.endAt) return 'ended';
  if (now < c.startAt) return 'upcoming';
  return 'running';
}

/** May a shopper who already holds `unitsMine` units of this campaign take `quantity` more now? */
export function canTakeSeat(c: CampaignFacts, now: Date, quantity: number, unitsMine: number): Decision {
  const phase = campaignPhase(c, now);
  if (phase === 'draft' || phase === 'upcoming') return { ok: false, code: 'GROUPBUY_NOT_STARTED' };
  if (phase === 'ended') return { ok: false, code: 'GROUPBUY_ENDED' };
  if (quantity > c.perShopperLimit) return { ok: false, code: 'GROUPBUY_QUANTITY_OVER_LIMIT' };
  if (unitsMine + quantity > c.perShopperLimit) return { ok: false, code: 'GROUPBUY_LIMIT_REACHED' };
  if (c.left < quantity) return { ok: false, code: 'GROUPBUY_SOLD_OUT' };
  return { ok: true };
}

/** May this shopper join this group at `now` (the campaign itself is asked by canTakeSeat)? */
export function canJoinGroup(g: GroupFacts, now: Date, alreadyInGroup: boolean): Decision {
  if (alreadyInGroup) return { ok: false, code: 'GROUPBUY_ALREADY_IN_GROUP' };
  if (g.status !== 'open' || now >= g.expiresAt) return { ok: false, code: 'GROUPBUY_GROUP_CLOSED' };
  if (g.seatsTaken >= g.size) return { ok: false, code: 'GROUPBUY_GROUP_FULL' };
  return { ok: true };
}

/** A group opened at `openedAt` must fill by its time limit, and never later than the campaign's end. */
export function groupDeadline(c: Pick<CampaignFacts, 'endAt' | 'groupHours'>, openedAt: Date): Date {
  return new Date(Math.min(openedAt.getTime() + c.groupHours * 3600_000, c.endAt.getTime()));
}

export type GroupOutcome = 'succeed' | 'fail' | 'wait' | 'settled';

/**
 * What should become of a group at `now`: N paid seats succeed (even at the last moment);
 * otherwise a group past its deadline, or whose campaign ended early, fails.
 */
export function groupOutcome(g: GroupFacts, campaignEnded: boolean, now: Date): GroupOutcome {
  if (g.status !== 'open') return 'settled';
  if (g.seatsPaid >= g.size) return 'succeed';
  if (campaignEnded || now >= g.expiresAt) return 'fail';
  return 'wait';
}

/** Seconds left until `deadline`, never negative (the page counts down from server time). */
export function secondsLeft(deadline: Date, now: Date): number {
  return Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000));
}

export type CampaignInputCode = 'GROUPBUY_WINDOW_INVALID' | 'GROUPBUY_PRICE_INVALID' | 'GROUPBUY_STOCK_BELOW_COMMITTED';

/** A campaign's window and price make sense: start before end, group price under the SKU's own. */
export function checkCampaignTerms(t: { startAt: Date; endAt: Date; groupPriceFen: number }, skuPriceFen: number): { ok: true } | { ok: false; code: CampaignInputCode; field: string } {
  if (t.endAt <= t.startAt) return { ok: false, code: 'GROUPBUY_WINDOW_INVALID', field: 'endAt' };
  if (t.groupPriceFen >= skuPriceFen) return { ok: false, code: 'GROUPBUY_PRICE_INVALID', field: 'groupPriceFen' };
  return { ok: true };
}

/** Campaign stock may change by `delta` only if what is sold or held stays covered. */
export function canChangeStock(s: { total: number; left: number }, delta: number): boolean {
  return s.left + delta >= 0 && s.total + delta <= CAMPAIGN_STOCK_MAX;
}
