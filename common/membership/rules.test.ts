import {
  birthdayProblem,
  decideTier,
  fenForPoints,
  growthOf,
  isBirthdayMonth,
  isReviewDay,
  maxUsablePoints,
  memberPriceFen,
  nextTier,
  purchasePoints,
  referrerFrom,
  refundPoints,
  signinReward,
  tierFor,
} from './rules';
import { DEFAULT_SETTINGS as S, settingsProblem, type TierCode } from './settings';
import { addDays, defaultPointsExpiry, shanghaiDate } from './shanghai';

describe('tiers', () => {
  it.each([
    [0, 'basic'],
    [999, 'basic'],
    [1000, 'silver'],
    [4999, 'silver'],
    [5000, 'gold'],
    [19_999, 'gold'],
    [20_000, 'black'],
    [10_000_000, 'black'],
  ])('growth %i → %s', (growth, tier) => expect(tierFor(growth, S).code).toBe(tier));

  it.each([
    [99, 0],
    [100, 1],
    [123_456, 1234],
    [-500, 0],
  ])('¥ kept %i fen → growth %i', (fen, g) => expect(growthOf(fen)).toBe(g));

  // current, growth, occasion → new tier (null: unchanged)
  it.each<[TierCode, number, 'growth' | 'review', TierCode | null]>([
    ['basic', 1000, 'growth', 'silver'],
    ['basic', 25_000, 'growth', 'black'],
    ['silver', 999, 'growth', null], // a refund never lowers the tier on the spot
    ['gold', 10, 'growth', null],
    ['silver', 1500, 'growth', null],
    ['gold', 4999, 'review', 'silver'], // the monthly review does
    ['gold', 5000, 'review', null],
    ['basic', 6000, 'review', 'gold'],
  ])('%s with growth %i on %s → %s', (current, growth, occasion, expected) => expect(decideTier(current, growth, occasion, S)).toBe(expected));

  it('next tier and the growth missing; none at the top', () => {
    expect(nextTier(1200, S)).toEqual({ tier: S.tiers[2], missing: 3800 });
    expect(nextTier(20_000, S)).toBeNull();
  });

  it.each([
    ['2026-11-30T15:59:59.999Z', false], // 23:59 on the 30th in Shanghai
    ['2026-11-30T16:00:00.000Z', true], // 00:00 on 1 December
    ['2026-12-01T15:59:59.999Z', true],
    ['2026-12-01T16:00:00.000Z', false],
  ])('review day at %s: %s', (at, expected) => expect(isReviewDay(new Date(at))).toBe(expected));

  it('settings refuse tiers out of order or thresholds not rising', () => {
    expect(settingsProblem(S)).toBeNull();
    expect(settingsProblem({ ...S, tiers: [S.tiers[0], S.tiers[2], S.tiers[1], S.tiers[3]] })).toMatch(/依次/);
    expect(settingsProblem({ ...S, tiers: S.tiers.map((t, i) => (i === 2 ? { ...t, minGrowth: 1000 } : t)) })).toMatch(/tiers.2/);
    expect(settingsProblem({ ...S, tiers: S.tiers.map((t, i) => (i === 0 ? { ...t, minGrowth: 1 } : t)) })).toMatch(/tiers.0/);
  });
});

describe('birthday month (Asia/Shanghai midnight edges)', () => {
  it.each([
    ['1990-04-15', '2026-03-31T15:59:59.999Z', false], // 23:59:59 on 31 March in Shanghai
    ['1990-04-15', '2026-03-31T16:00:00.000Z', true], // 00:00 on 1 April in Shanghai
    ['1990-04-15', '2026-04-30T15:59:59.999Z', true],
    ['1990-04-15', '2026-04-30T16:00:00.000Z', false],
    ['2000-12-31', '2026-12-31T16:00:00.000Z', false], // already January in Shanghai
    [null, '2026-04-01T04:00:00.000Z', false],
  ])('birthday %s at %s → %s', (birthday, at, expected) => expect(isBirthdayMonth(birthday, new Date(at))).toBe(expected));

  it.each([
    ['1990-02-29', '请填写正确的日期'],
    ['1992-02-29', null],
    ['1990-13-01', '请填写正确的日期'],
    ['90-01-01', '请填写正确的日期'],
    ['1899-12-31', '生日不能晚于今天'],
    ['2026-11-28', '生日不能晚于今天'], // tomorrow in Shanghai
    ['2026-11-27', null],
  ])('birthday %s → %s', (value, problem) => expect(birthdayProblem(value, new Date('2026-11-27T10:00:00Z'))).toBe(problem));
});

describe('purchase points: stacking order and cap', () => {
  // paidFen, tier, birthday month → base, afterTier, afterBirthday, points
  it.each<[number, TierCode, boolean, number, number, number, number]>([
    [9999, 'basic', false, 99, 99, 99, 99],
    [9999, 'basic', true, 99, 99, 198, 198],
    [10_050, 'silver', false, 100, 120, 120, 120],
    [10_050, 'gold', true, 100, 150, 300, 300],
    [333, 'gold', false, 3, 4, 4, 4], // ⌊3 × 1.5⌋
    [10_000, 'black', true, 100, 200, 600, 600],
    [80_000_000, 'black', true, 800_000, 1_600_000, 4_800_000, 100_000], // per-order cap last
    [0, 'black', true, 0, 0, 0, 0],
  ])('¥%i fen, %s, birthday %s', (paid, tier, bday, base, afterTier, afterBirthday, points) => {
    expect(purchasePoints(paid, tier, bday, S)).toEqual({ base, afterTier, afterBirthday, points, capped: points < afterBirthday });
  });

  it.each([
    // earned, paid, refunded before, this refund → points back
    [100, 10_000, 0, 10_000, 100],
    [100, 10_000, 0, 3_333, 33],
    [100, 10_000, 3_333, 3_333, 33],
    [100, 10_000, 6_666, 3_334, 34], // the three parts add up to 100
    [7, 300, 0, 100, 2],
    [0, 300, 0, 100, 0],
    [50, 1000, 900, 500, 5], // never beyond what was paid
  ])('refund takes back prorated points: earned %i of %i fen, %i refunded, refund %i → %i', (earned, paid, before, refund, back) => {
    expect(refundPoints(earned, paid, before, refund)).toBe(back);
  });
});

describe('daily sign-in and streaks', () => {
  const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
  it.each([
    // last day, last streak, now (Shanghai) → day, streak, points
    [null, 0, '2026-11-27T09:00:00', '2026-11-27', 1, 5],
    ['2026-11-26', 3, '2026-11-27T00:00:00', '2026-11-27', 4, 5],
    ['2026-11-26', 6, '2026-11-27T23:59:59', '2026-11-27', 7, 25], // 7th day +20
    ['2026-11-25', 6, '2026-11-27T09:00:00', '2026-11-27', 1, 5], // a missed day restarts
    ['2026-10-31', 13, '2026-11-01T08:00:00', '2026-11-01', 14, 25], // across a month end
    ['2026-12-31', 20, '2027-01-01T00:30:00', '2027-01-01', 21, 25], // across a year end
    ['2027-02-28', 1, '2027-03-01T00:00:00', '2027-03-01', 2, 5],
    ['2028-02-28', 1, '2028-03-01T00:00:00', '2028-03-01', 1, 5], // 2028-02-29 exists
  ])('last %s (streak %i), signing in at %s', (last, streak, now, day, newStreak, points) => {
    const r = signinReward(last, streak, at(now), S);
    expect([r.day, r.streak, r.points]).toEqual([day, newStreak, points]);
  });

  it('a UTC evening is already the next day in Shanghai', () => {
    expect(shanghaiDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('referral', () => {
  it.each([
    [{ kind: 'member', id: 7 }, 9, 7],
    [{ kind: 'member', id: 9 }, 9, null], // not oneself
    [{ kind: 'guide', id: 7 }, 9, null], // a guide's share is attribution, not a referral
    [null, 9, null],
  ])('token %j for new member %i → referrer %s', (token, member, referrer) => expect(referrerFrom(token, member)).toBe(referrer));
});

describe('points at checkout', () => {
  it.each([
    // goods fen, balance → max usable points
    [10_000, 100_000, 5_000], // 50 % of ¥100 = ¥50 = 5000 points
    [10_000, 1_234, 1_234],
    [999, 10_000, 499],
    [0, 500, 0],
    [10_000, -3, 0],
  ])('goods %i fen, balance %i → %i points', (goods, balance, max) => expect(maxUsablePoints(goods, balance, S)).toBe(max));

  it('100 points = ¥1; other rates keep whole steps', () => {
    expect(fenForPoints(1234, S)).toBe(1234);
    const tenPerYuan = { ...S, redeem: { pointsPerYuan: 10, maxSharePct: 50 } };
    expect(fenForPoints(15, tenPerYuan)).toBe(150);
    const twoHundred = { ...S, redeem: { pointsPerYuan: 200, maxSharePct: 50 } };
    expect(maxUsablePoints(10_001, 100_000, twoHundred)).toBe(10_000);
  });

  it.each([
    [1000, 0, 1000],
    [1000, 5, 950],
    [999, 10, 900],
    [1, 10, 1],
  ])('member price of %i fen at %i %% off → %i', (unit, pct, price) => expect(memberPriceFen(unit, pct)).toBe(price));
});

describe('points expiry', () => {
  it.each([
    ['2026-01-01T00:00:00+08:00', '2027-12-31T16:00:00.000Z'],
    ['2026-12-31T23:59:59+08:00', '2027-12-31T16:00:00.000Z'],
    ['2027-01-01T00:00:00+08:00', '2028-12-31T16:00:00.000Z'], // 2026-12-31 16:00 UTC is already 2027 in Shanghai
  ])('earned at %s expires at %s (end of the following year, Shanghai)', (earned, expires) => {
    expect(defaultPointsExpiry(new Date(earned)).toISOString()).toBe(expires);
  });
});
