/**
 * A member's coupon, as data: unused → locked (in an unpaid order) → used; unused → expired;
 * locked → unused when the order is cancelled or times out; used → unused when a fully refunded
 * order returns it (only while still valid); unused → used at once when a cashier redeems its store
 * code (门店核销: no order, no lock). Every change in api/ is a compare-and-set on the
 * from-status (`UPDATE … WHERE id = ? AND status = ?`, affected rows checked).
 */
export const MEMBER_COUPON_STATUSES = ['unused', 'locked', 'used', 'expired'] as const;
export type MemberCouponStatus = (typeof MEMBER_COUPON_STATUSES)[number];

export const MEMBER_COUPON_EVENTS = ['lock', 'unlock', 'consume', 'expire', 'restore', 'redeem'] as const;
export type MemberCouponEvent = (typeof MEMBER_COUPON_EVENTS)[number];

export const MEMBER_COUPON_TRANSITIONS: Record<MemberCouponStatus, Partial<Record<MemberCouponEvent, MemberCouponStatus>>> = {
  unused: { lock: 'locked', expire: 'expired', redeem: 'used' },
  locked: { unlock: 'unused', consume: 'used' },
  used: { restore: 'unused' },
  expired: {},
};

export const MEMBER_COUPON_STATUS_LABELS: Record<MemberCouponStatus, string> = { unused: '可用', locked: '使用中', used: '已使用', expired: '已过期' };

/** The status `event` leads to from `from`, or null when the table has no such edge. */
export function nextCouponStatus(from: MemberCouponStatus, event: MemberCouponEvent): MemberCouponStatus | null {
  return MEMBER_COUPON_TRANSITIONS[from][event] ?? null;
}

/** 我的优惠券 tabs: 可用 (unused and still in its window, or locked), 已使用, 已过期. */
export const COUPON_TABS = [
  { key: 'usable', label: '可用' },
  { key: 'used', label: '已使用' },
  { key: 'expired', label: '已过期' },
] as const;
export type CouponTabKey = (typeof COUPON_TABS)[number]['key'];

/** The tab a coupon shows under at `now` (an unused coupon past its window is 已过期 before the job marks it). */
export function couponTab(status: MemberCouponStatus, validTo: Date, now: Date): CouponTabKey {
  if (status === 'used') return 'used';
  if (status === 'expired' || (status === 'unused' && now.getTime() > validTo.getTime())) return 'expired';
  return 'usable';
}
