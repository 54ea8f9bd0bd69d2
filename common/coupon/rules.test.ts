import { priceOrder } from '../order/pricing';
import { audienceAllows, checkCoupon, type CouponCheck, describeTerms, discountFor, inScope, pickBest, receiveRefusal, termsProblem, validityWindow, type CouponLine, type UsableCoupon } from './rules';
import type { CouponTerms } from './types';

const now = new Date('2026-11-27T04:00:00Z'); // 12:00 in Shanghai
const terms = (over: Partial<CouponTerms> = {}): CouponTerms => ({
  kind: 'amount_off', amountOffFen: 1000, thresholdFen: 9900, percentOff: 0, maxOffFen: 0, scope: { type: 'all' }, firstOrderOnly: false, ...over,
});
const coupon = (over: Partial<UsableCoupon> = {}): UsableCoupon => ({
  ...terms(), status: 'unused', validFrom: new Date('2026-11-01T00:00:00Z'), validTo: new Date('2026-12-31T15:59:59.999Z'), ...over,
});
const line = (skuId: number, payableFen: number, productId = skuId * 10, categoryId = 1): CouponLine => ({ skuId, productId, categoryId, payableFen });

describe('discountFor: every kind at, just below and above its threshold', () => {
  it.each([
    // kind, threshold, off, percent, max, goods, expected
    ['amount_off', 9900, 1000, 0, 0, 9899, 0],
    ['amount_off', 9900, 1000, 0, 0, 9900, 1000],
    ['amount_off', 9900, 1000, 0, 0, 9901, 1000],
    ['percent_off', 5000, 0, 10, 0, 4999, 0],
    ['percent_off', 5000, 0, 10, 0, 5000, 500],
    ['percent_off', 5000, 0, 10, 0, 5009, 500], // floor: never more than n %
    ['percent_off', 0, 0, 20, 1500, 7500, 1500], // exactly at the cap
    ['percent_off', 0, 0, 20, 1500, 7499, 1499], // just below the cap
    ['percent_off', 0, 0, 20, 1500, 7600, 1500], // above the cap
    ['no_threshold', 0, 500, 0, 0, 1, 1], // discount ≥ goods: capped at the goods
    ['no_threshold', 0, 500, 0, 0, 500, 500],
    ['no_threshold', 0, 500, 0, 0, 501, 500],
    ['amount_off', 100, 100, 0, 0, 100, 100], // 满 1 减 1: the whole goods, never below zero
  ] as const)('%s threshold %d off %d pct %d max %d on %d → %d', (kind, thresholdFen, amountOffFen, percentOff, maxOffFen, goods, expected) => {
    expect(discountFor(terms({ kind, thresholdFen, amountOffFen, percentOff, maxOffFen }), goods)).toBe(expected);
  });
});

describe('scope', () => {
  it.each([
    [{ type: 'all' } as const, true],
    [{ type: 'categories', ids: [1, 2] } as const, true],
    [{ type: 'categories', ids: [3] } as const, false],
    [{ type: 'products', ids: [70] } as const, true],
    [{ type: 'products', ids: [71] } as const, false],
  ])('%j covers product 70 of category 2: %s', (scope, expected) => {
    expect(inScope(scope, { productId: 70, categoryId: 2 })).toBe(expected);
  });

  it('the threshold counts only the eligible lines, and the discount names only them', () => {
    const c = coupon({ thresholdFen: 5000, amountOffFen: 800, scope: { type: 'categories', ids: [2] } });
    const lines = [line(1, 4000, 10, 2), line(2, 9000, 20, 3), line(3, 1500, 30, 2)];
    expect(checkCoupon(c, lines, { now, isFirstOrder: false })).toEqual({ ok: true, amountFen: 800, skuIds: [1, 3] });
    expect(checkCoupon(c, lines.slice(0, 2), { now, isFirstOrder: false })).toEqual({ ok: false, code: 'COUPON_BELOW_THRESHOLD', shortfallFen: 1000 });
    expect(checkCoupon(c, [lines[1]], { now, isFirstOrder: false })).toEqual({ ok: false, code: 'COUPON_OUT_OF_SCOPE' });
  });
});

describe('checkCoupon: the first reason that applies', () => {
  const lines = [line(1, 12000)];
  it.each([
    [{ status: 'locked' } as const, false, 'COUPON_NOT_USABLE'],
    [{ status: 'used' } as const, false, 'COUPON_NOT_USABLE'],
    [{ status: 'expired' } as const, false, 'COUPON_EXPIRED'],
    [{ validFrom: new Date(now.getTime() + 1) }, false, 'COUPON_NOT_STARTED'],
    [{ validTo: new Date(now.getTime() - 1) }, false, 'COUPON_EXPIRED'],
    [{ firstOrderOnly: true }, false, 'COUPON_FIRST_ORDER_ONLY'],
    [{ firstOrderOnly: true, validTo: new Date(now.getTime() - 1) }, false, 'COUPON_EXPIRED'],
  ] as const)('%j (first order %s) → %s', (over, isFirstOrder, code) => {
    expect(checkCoupon(coupon(over as Partial<UsableCoupon>), lines, { now, isFirstOrder })).toMatchObject({ ok: false, code });
  });

  it('is usable at the very edges of its window and on a first order', () => {
    expect(checkCoupon(coupon({ validFrom: now }), lines, { now, isFirstOrder: false }).ok).toBe(true);
    expect(checkCoupon(coupon({ validTo: now }), lines, { now, isFirstOrder: false }).ok).toBe(true);
    expect(checkCoupon(coupon({ firstOrderOnly: true }), lines, { now, isFirstOrder: true })).toEqual({ ok: true, amountFen: 1000, skuIds: [1] });
  });
});

describe('pickBest', () => {
  const opt = (id: number, amountFen: number | null, validTo = '2026-12-31T00:00:00Z') => ({
    id, validTo: new Date(validTo), check: (amountFen === null ? { ok: false, code: 'COUPON_EXPIRED' } : { ok: true, amountFen, skuIds: [1] }) as CouponCheck,
  });
  it('takes the largest discount, then the earliest expiry, then the lower id; none when nothing is usable', () => {
    expect(pickBest([opt(1, 500), opt(2, 800), opt(3, null)])?.id).toBe(2);
    expect(pickBest([opt(1, 800, '2026-12-31T00:00:00Z'), opt(2, 800, '2026-12-30T00:00:00Z')])?.id).toBe(2);
    expect(pickBest([opt(5, 800), opt(4, 800)])?.id).toBe(4);
    expect(pickBest([opt(1, null), opt(2, 0)])).toBeNull();
  });
});

describe('validityWindow', () => {
  it('fixed dates as given; N days end at 23:59:59.999 Shanghai of the Nth day counting the day of receipt', () => {
    expect(validityWindow({ type: 'fixed', from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' }, now).validTo.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(validityWindow({ type: 'relative', days: 1 }, now).validTo.toISOString()).toBe('2026-11-27T15:59:59.999Z');
    expect(validityWindow({ type: 'relative', days: 7 }, now).validTo.toISOString()).toBe('2026-12-03T15:59:59.999Z');
    // 23:30 Shanghai on the 27th is 15:30 UTC: still the 27th locally.
    expect(validityWindow({ type: 'relative', days: 1 }, new Date('2026-11-27T15:30:00Z')).validTo.toISOString()).toBe('2026-11-27T15:59:59.999Z');
    // 00:30 Shanghai on the 28th is 16:30 UTC on the 27th: already the 28th locally.
    expect(validityWindow({ type: 'relative', days: 1 }, new Date('2026-11-27T16:30:00Z')).validTo.toISOString()).toBe('2026-11-28T15:59:59.999Z');
  });
});

describe('who may receive', () => {
  const member = { registeredAt: new Date(now.getTime() - 86400_000), tierRank: 1, hasPaidOrder: false };
  it.each([
    [{ type: 'anyone' } as const, member, true],
    [{ type: 'new_members' } as const, member, true],
    [{ type: 'new_members' } as const, { ...member, hasPaidOrder: true }, false],
    [{ type: 'new_members' } as const, { ...member, registeredAt: new Date(now.getTime() - 31 * 86400_000) }, false],
    [{ type: 'tier', minTierRank: 1 } as const, member, true],
    [{ type: 'tier', minTierRank: 2 } as const, member, false],
  ])('%j %j → %s', (audience, m, expected) => expect(audienceAllows(audience, m, now)).toBe(expected));

  const t = { active: true, validity: { type: 'relative', days: 7 } as const, audience: { type: 'anyone' } as const, totalQuota: 10, issuedCount: 9, perMemberLimit: 2 };
  it.each([
    [t, 0, null],
    [{ ...t, active: false }, 0, 'COUPON_TEMPLATE_INACTIVE'],
    [{ ...t, validity: { type: 'fixed', from: '2026-01-01T00:00:00Z', to: '2026-11-01T00:00:00Z' } as const }, 0, 'COUPON_TEMPLATE_INACTIVE'],
    [{ ...t, audience: { type: 'tier', minTierRank: 3 } as const }, 0, 'COUPON_AUDIENCE_MISMATCH'],
    [t, 2, 'COUPON_LIMIT_REACHED'],
    [{ ...t, issuedCount: 10 }, 1, 'COUPON_SOLD_OUT'],
  ])('%j holding %d → %s', (tpl, held, expected) => expect(receiveRefusal(tpl, held, member, now)).toBe(expected));
});

describe('stacking: member discount, then the coupon on what is left, then points', () => {
  it('prices in the stated order, the coupon prorated over its eligible lines only, shares summing to each discount', () => {
    const lines = [
      { skuId: 1, unitPriceFen: 6000, quantity: 1 },
      { skuId: 2, unitPriceFen: 3333, quantity: 3 },
      { skuId: 3, unitPriceFen: 2000, quantity: 1 },
    ];
    const member = { kind: 'member' as const, label: '金卡 95 折', amountFen: 1000 };
    // What the coupon sees: each line after the member discount.
    const afterMember = priceOrder(lines, [member]).lines;
    const c = coupon({ kind: 'percent_off', percentOff: 10, maxOffFen: 0, thresholdFen: 10000, scope: { type: 'products', ids: [10, 20] } });
    const check = checkCoupon(c, afterMember.map((l) => line(l.skuId, l.payableFen)), { now, isFirstOrder: false });
    if (!check.ok) throw new Error(check.code);
    const eligibleFen = afterMember.filter((l) => l.skuId !== 3).reduce((s, l) => s + l.payableFen, 0);
    expect(check).toEqual({ ok: true, amountFen: Math.floor(eligibleFen / 10), skuIds: [1, 2] });
    // The points adjustment is given first on purpose: pricing still applies it after the coupon.
    const priced = priceOrder(lines, [{ kind: 'points', label: '积分抵扣', amountFen: 500 }, { kind: 'coupon', label: 'c', amountFen: check.amountFen, skuIds: check.skuIds }, member]);
    expect(priced.adjustments.map((a) => a.kind)).toEqual(['member', 'coupon', 'points']);
    const couponApplied = priced.adjustments[1];
    expect(couponApplied.appliedFen).toBe(check.amountFen);
    expect(couponApplied.lineShares.find((s) => s.skuId === 3)!.fen).toBe(0);
    for (const a of priced.adjustments) expect(a.lineShares.reduce((s, x) => s + x.fen, 0)).toBe(a.appliedFen);
    expect(priced.discountFen).toBe(1000 + check.amountFen + 500);
  });
});

describe('describeTerms and termsProblem', () => {
  it('describes every kind', () => {
    expect(describeTerms(terms())).toBe('满 99 减 10');
    expect(describeTerms(terms({ kind: 'percent_off', percentOff: 10, thresholdFen: 0, maxOffFen: 2000 }))).toBe('9 折，最高减 ¥20');
    expect(describeTerms(terms({ kind: 'percent_off', percentOff: 15, thresholdFen: 5000 }))).toBe('满 50 享 8.5 折');
    expect(describeTerms(terms({ kind: 'no_threshold', amountOffFen: 550, thresholdFen: 0 }))).toBe('无门槛减 ¥5.50');
  });
  it('refuses nonsense terms, naming the field', () => {
    expect(termsProblem(terms())).toBeNull();
    expect(termsProblem(terms({ thresholdFen: 500 }))?.field).toBe('thresholdFen');
    expect(termsProblem(terms({ kind: 'percent_off', percentOff: 100 }))?.field).toBe('percentOff');
    expect(termsProblem(terms({ kind: 'no_threshold', amountOffFen: 0 }))?.field).toBe('amountOffFen');
    expect(termsProblem(terms({ scope: { type: 'products', ids: [] } }))?.field).toBe('scope.ids');
  });
});
