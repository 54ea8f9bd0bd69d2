import { couponTab, MEMBER_COUPON_EVENTS, MEMBER_COUPON_STATUSES, nextCouponStatus, type MemberCouponEvent, type MemberCouponStatus } from './state';

describe('member coupon status table', () => {
  // Every cell: the expected target, or null where the table must refuse.
  const expected: Record<MemberCouponStatus, Record<MemberCouponEvent, MemberCouponStatus | null>> = {
    unused: { lock: 'locked', unlock: null, consume: null, expire: 'expired', restore: null, redeem: 'used' },
    locked: { lock: null, unlock: 'unused', consume: 'used', expire: null, restore: null, redeem: null },
    used: { lock: null, unlock: null, consume: null, expire: null, restore: 'unused', redeem: null },
    expired: { lock: null, unlock: null, consume: null, expire: null, restore: null, redeem: null },
  };
  it.each(MEMBER_COUPON_STATUSES.flatMap((s) => MEMBER_COUPON_EVENTS.map((e) => [s, e] as const)))('%s --%s-->', (s, e) => {
    expect(nextCouponStatus(s, e)).toBe(expected[s][e]);
  });

  it('shows each coupon under one tab', () => {
    const now = new Date('2026-11-27T00:00:00Z');
    const later = new Date('2026-12-01T00:00:00Z');
    const past = new Date('2026-11-26T00:00:00Z');
    expect(couponTab('unused', later, now)).toBe('usable');
    expect(couponTab('locked', past, now)).toBe('usable');
    expect(couponTab('unused', past, now)).toBe('expired');
    expect(couponTab('expired', later, now)).toBe('expired');
    expect(couponTab('used', past, now)).toBe('used');
  });
});
