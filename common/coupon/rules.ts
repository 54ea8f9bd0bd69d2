/**
 * Coupon rules, pure: validity windows, who may receive a template, which lines a coupon covers,
 * how much it takes off, why it cannot be used, and which usable coupon is best. The API loads
 * the data, asks these, and writes by compare-and-set. The clock is passed in as `now`.
 */
import { fenToYuanString } from '../money';
import type { MemberCouponStatus } from './state';
import type { CouponAudience, CouponScope, CouponTerms, CouponValidity } from './types';

/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
/** A member counts as new this many days after registering (while they have no paid order). */
export const NEW_MEMBER_DAYS = 30;
/** Bounds that fit the columns and keep offers sane. */
export const MAX_COUPON_FEN = 10_000_000;
export const MAX_QUOTA = 10_000_000;
export const MAX_PER_MEMBER = 100;
export const MAX_VALID_DAYS = 3650;

export type CouponRefusal =
  | 'COUPON_NOT_USABLE'
  | 'COUPON_NOT_STARTED'
  | 'COUPON_EXPIRED'
  | 'COUPON_FIRST_ORDER_ONLY'
  | 'COUPON_OUT_OF_SCOPE'
  | 'COUPON_BELOW_THRESHOLD';

export type ReceiveRefusal = 'COUPON_TEMPLATE_INACTIVE' | 'COUPON_SOLD_OUT' | 'COUPON_LIMIT_REACHED' | 'COUPON_AUDIENCE_MISMATCH';

/**
 * The window of a coupon received at `receivedAt`: fixed dates as given; "N days" runs to the
 * end (23:59:59.999 Asia/Shanghai) of the Nth day counting the day of receipt.
 */
export function validityWindow(validity: CouponValidity, receivedAt: Date): { validFrom: Date; validTo: Date } {
  if (validity.type === 'fixed') return { validFrom: new Date(validity.from), validTo: new Date(validity.to) };
  const localMidnight = Math.floor((receivedAt.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  return { validFrom: receivedAt, validTo: new Date(localMidnight + validity.days * DAY_MS - 1) };
}

export interface ReceiverFacts {
  registeredAt: Date;
  /** 0 基础, 1 银卡, 2 金卡, 3 黑卡. */
  tierRank: number;
  hasPaidOrder: boolean;
}

export function audienceAllows(audience: CouponAudience, member: ReceiverFacts, now: Date): boolean {
  if (audience.type === 'anyone') return true;
  if (audience.type === 'tier') return member.tierRank >= audience.minTierRank;
  return !member.hasPaidOrder && now.getTime() - member.registeredAt.getTime() <= NEW_MEMBER_DAYS * DAY_MS;
}

export interface ReceivableTemplate {
  active: boolean;
  validity: CouponValidity;
  audience: CouponAudience;
  totalQuota: number;
  issuedCount: number;
  perMemberLimit: number;
}

/**
 * May this member receive one more copy now? Advisory for 领券中心 and a clear refusal before the
 * write; the conditional updates on quota and the per-member count decide under a race.
 */
export function receiveRefusal(t: ReceivableTemplate, heldCount: number, member: ReceiverFacts, now: Date): ReceiveRefusal | null {
  if (!t.active || (t.validity.type === 'fixed' && now.getTime() > new Date(t.validity.to).getTime())) return 'COUPON_TEMPLATE_INACTIVE';
  if (!audienceAllows(t.audience, member, now)) return 'COUPON_AUDIENCE_MISMATCH';
  if (heldCount >= t.perMemberLimit) return 'COUPON_LIMIT_REACHED';
  if (t.issuedCount >= t.totalQuota) return 'COUPON_SOLD_OUT';
  return null;
}

/** A checkout line as the coupon sees it: what it still costs after price changes and the member discount. */
export interface CouponLine {
  skuId: number;
  productId: number;
  categoryId: number;
  payableFen: number;
}

export function inScope(scope: CouponScope, line: Pick<CouponLine, 'productId' | 'categoryId'>): boolean {
  if (scope.type === 'all') return true;
  if (scope.type === 'categories') return scope.ids.includes(line.categoryId);
  return scope.ids.includes(line.productId);
}

/** The discount on `eligibleFen` of goods, at or above the threshold; never more than the goods. */
export function discountFor(terms: CouponTerms, eligibleFen: number): number {
  if (terms.kind !== 'no_threshold' && eligibleFen < terms.thresholdFen) return 0;
  let off: number;
  if (terms.kind === 'percent_off') {
    off = Math.floor((eligibleFen * terms.percentOff) / 100);
    if (terms.maxOffFen > 0) off = Math.min(off, terms.maxOffFen);
  } else off = terms.amountOffFen;
  return Math.max(0, Math.min(off, eligibleFen));
}

export interface UsableCoupon extends CouponTerms {
  status: MemberCouponStatus;
  validFrom: Date;
  validTo: Date;
}

export type CouponCheck = { ok: true; amountFen: number; skuIds: number[] } | { ok: false; code: CouponRefusal; shortfallFen?: number };

/**
 * Can this coupon be used on these lines at `now`? Checks in a fixed order (status, window,
 * first order, scope, threshold) so the reason shown is the first that applies.
 */
export function checkCoupon(c: UsableCoupon, lines: readonly CouponLine[], ctx: { now: Date; isFirstOrder: boolean }): CouponCheck {
  if (c.status !== 'unused') return { ok: false, code: c.status === 'expired' ? 'COUPON_EXPIRED' : 'COUPON_NOT_USABLE' };
  if (ctx.now.getTime() < c.validFrom.getTime()) return { ok: false, code: 'COUPON_NOT_STARTED' };
  if (ctx.now.getTime() > c.validTo.getTime()) return { ok: false, code: 'COUPON_EXPIRED' };
  if (c.firstOrderOnly && !ctx.isFirstOrder) return { ok: false, code: 'COUPON_FIRST_ORDER_ONLY' };
  const eligible = lines.filter((l) => inScope(c.scope, l) && l.payableFen > 0);
  if (!eligible.length) return { ok: false, code: 'COUPON_OUT_OF_SCOPE' };
  const eligibleFen = eligible.reduce((s, l) => s + l.payableFen, 0);
  if (c.kind !== 'no_threshold' && eligibleFen < c.thresholdFen) return { ok: false, code: 'COUPON_BELOW_THRESHOLD', shortfallFen: c.thresholdFen - eligibleFen };
  return { ok: true, amountFen: discountFor(c, eligibleFen), skuIds: eligible.map((l) => l.skuId) };
}

/** The best usable coupon: the largest discount; ties go to the one expiring first, then the lower id. */
export function pickBest<T extends { id: number; validTo: Date; check: CouponCheck }>(options: readonly T[]): T | null {
  let best: T | null = null;
  for (const o of options) {
    if (!o.check.ok || o.check.amountFen <= 0) continue;
    if (!best || !best.check.ok) {
      best = o;
      continue;
    }
    const d = o.check.amountFen - best.check.amountFen;
    const t = o.validTo.getTime() - best.validTo.getTime();
    if (d > 0 || (d === 0 && (t < 0 || (t === 0 && o.id < best.id)))) best = o;
  }
  return best;
}

/** 1000 -> "10", 1050 -> "10.50": whole yuan without decimals, as coupon copy reads. */
const formatYuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : fenToYuanString(fen));

/** 满 99 减 10 / 9 折，最高减 ¥20 / 无门槛减 ¥5. */
export function describeTerms(t: CouponTerms): string {
  if (t.kind === 'no_threshold') return `无门槛减 ¥${formatYuan(t.amountOffFen)}`;
  if (t.kind === 'amount_off') return `满 ${formatYuan(t.thresholdFen)} 减 ${formatYuan(t.amountOffFen)}`;
  const zhe = (100 - t.percentOff) / 10;
  const head = t.thresholdFen > 0 ? `满 ${formatYuan(t.thresholdFen)} 享 ${zhe} 折` : `${zhe} 折`;
  return t.maxOffFen > 0 ? `${head}，最高减 ¥${formatYuan(t.maxOffFen)}` : head;
}

/** Terms that make sense (HQ input is checked by zod first; this catches the cross-field cases). */
export function termsProblem(t: CouponTerms): { field: string; message: string } | null {
  if (t.kind === 'percent_off' && !(t.percentOff >= 1 && t.percentOff <= 99)) return { field: 'percentOff', message: '折扣须在 1–99 之间' };
  if (t.kind !== 'percent_off' && t.amountOffFen < 1) return { field: 'amountOffFen', message: '减免金额须大于 0' };
  if (t.kind === 'amount_off' && t.thresholdFen < t.amountOffFen) return { field: 'thresholdFen', message: '门槛不能低于减免金额' };
  if (t.scope.type !== 'all' && t.scope.ids.length === 0) return { field: 'scope.ids', message: '请至少选择一项' };
  return null;
}
