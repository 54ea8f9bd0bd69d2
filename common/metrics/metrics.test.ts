import { addDaily, metricsOf, zeroDaily, zeroPeriod } from './definitions';
import { bucketDays, bucketOf, bucketsBetween, dayRange, isDay, periodKeysOf, beijingDay } from './period';
import { actualMonths, DEFAULT_ROI_PLAN, planMonths, roiX100 } from './roi';
import { alertsOfDay, effectiveTargets } from './targets';

describe('Beijing calendar', () => {
  it.each([
    ['2026-12-02T15:59:59.999Z', '2026-12-02'],
    ['2026-12-02T16:00:00.000Z', '2026-12-03'], // Shanghai midnight
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
  ])('%s falls on Beijing day %s', (iso, day) => expect(beijingDay(new Date(iso))).toBe(day));

  it('a day range is its Beijing midnight to the next', () => {
    expect(dayRange('2026-12-03')).toEqual({ from: new Date('2026-12-02T16:00:00Z'), to: new Date('2026-12-03T16:00:00Z') });
  });

  it.each([
    ['2026-11-30', 'week', '2026-11-30'], // Monday
    ['2026-12-06', 'week', '2026-11-30'], // Sunday
    ['2026-12-07', 'week', '2026-12-07'],
    ['2027-01-01', 'week', '2026-12-28'], // a week across the year
    ['2026-12-31', 'month', '2026-12'],
    ['2026-12-31', 'day', '2026-12-31'],
  ] as const)('%s is in %s bucket %s', (day, grain, bucket) => expect(bucketOf(day, grain)).toBe(bucket));

  it('period keys of a day name its day, week and month', () => {
    expect(periodKeysOf('2026-12-06')).toEqual(['D2026-12-06', 'W2026-11-30', 'M2026-12']);
  });

  it.each([
    ['2026-02', 'month', '2026-02-01', '2026-02-28'],
    ['2028-02', 'month', '2028-02-01', '2028-02-29'],
    ['2026-12-28', 'week', '2026-12-28', '2027-01-03'],
  ] as const)('bucket %s (%s) spans %s..%s', (label, grain, first, last) => expect(bucketDays(label, grain)).toEqual({ first, last }));

  it('buckets between two days, in order', () => {
    expect(bucketsBetween('2026-11-29', '2026-12-08', 'week')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(bucketsBetween('2026-11-29', '2027-01-02', 'month')).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['26-01-01', false],
  ])('isDay(%s) = %s', (s, ok) => expect(isDay(s)).toBe(ok));
});

describe('metric definitions', () => {
  const d = addDaily(zeroDaily(), { newMembers: 3, paidOrders: 4, gmvFen: 40_000, refundFen: 4_000, guideOrders: 1, guideGmvFen: 10_000, firstPurchases: 2, groupsSucceeded: 3, groupsFailed: 1, couponsUsed: 2, couponFen: 1_500, pointsSpent: 300,
    touches: 9, couponsIssued: 8, pointsEarned: 1_200, pointsUsed: 500, firstBuyersAddedGuide: 1, offlineSales: 3, offlineGmvFen: 30_000, offlineReturnFen: 5_000 });
  const p = { activeMembers: 20, signedInMembers: 3, payingMembers: 3, repeatMembers: 1, touchedMembers: 8, touchedFirstBuyers: 2, touchedRepeatBuyers: 1 };

  it('computes every metric from the counters', () => {
    expect(metricsOf(d, p, 100)).toEqual({
      newMembers: 3,
      activeMembers: 20,
      mauShare: 2000,
      signInShare: 1500,
      conversion: 1500,
      repurchaseRate: 3333,
      aovFen: 9000, // (40,000 − 4,000) ÷ 4: refunds lower the AOV
      gmvFen: 40_000,
      netGmvFen: 36_000,
      guideOrderShare: 2500,
      guideGmvShare: 2500,
      firstPurchases: 2,
      groupSuccessRate: 7500,
      couponsUsed: 2,
      pointsSpent: 300,
      incentiveFen: 1_800, // ¥15 of coupons + 300 points (¥3)
      touchedMembers: 8,
      touchFirstRate: 2500, // 2 of the 8 touched made their first purchase
      touchRepeatRate: 5000, // 1 of those 2 paid again
      couponsIssued: 8,
      couponUseRate: 2500, // 2 used ÷ 8 issued
      pointsEarned: 1_200,
      pointsUsed: 500,
      addGuideRate: 5000, // 1 of 2 first buyers added a guide
      offlineGmvFen: 25_000, // returns posted that day come off
      totalGmvFen: 61_000, // 36,000 online after refunds + 25,000 offline
    });
  });

  it('an empty period is all zeros, never NaN', () => {
    expect(Object.values(metricsOf(zeroDaily(), zeroPeriod(), 0)).every((v) => v === 0)).toBe(true);
  });
});

describe('targets and alerts', () => {
  const targets = effectiveTargets({});
  const quietDay = zeroDaily();

  it('defaults are the plans: sign-in 15 %, guides 30 % of orders, conversion 15 %', () => {
    expect(targets).toEqual({ signInShare: 1500, guideOrderShare: 3000, conversion: 1500 });
  });

  it('HQ can change and clear a target', () => {
    expect(effectiveTargets({ signInShare: 2000, conversion: null, newMembers: 5 })).toEqual({ signInShare: 2000, guideOrderShare: 3000, newMembers: 5 });
  });

  it.each([
    // active, signed in, paying, orders, guide orders → alerts
    [0, 0, 0, 0, 0, []], // nothing to measure: no alert
    [100, 15, 15, 10, 3, []], // exactly on every target
    [100, 14, 15, 10, 3, ['signInShare']],
    [100, 15, 14, 10, 2, ['guideOrderShare', 'conversion']],
    [100, 20, 20, 0, 0, []], // no paid order: the guide share is not measured
  ])('active %i signed in %i paying %i orders %i by guides %i → %j', (active, signed, paying, orders, guideOrders, expected) => {
    const d = { ...quietDay, paidOrders: orders, guideOrders };
    const found = alertsOfDay('2026-12-03', d, { ...zeroPeriod(), activeMembers: active, signedInMembers: signed, payingMembers: paying }, targets);
    expect(found.map((a) => a.metric).sort()).toEqual([...expected].sort());
  });

  it.each([
    // coupons issued, used, first purchases, of them added a guide → alerts under HQ's 20 % / 40 %
    [0, 0, 0, 0, []], // nothing issued, no first purchase: nothing measured
    [10, 2, 5, 2, []], // exactly 20 % and 40 %
    [10, 1, 5, 2, ['couponUseRate']],
    [10, 2, 5, 1, ['addGuideRate']],
    [0, 3, 0, 0, []], // coupons used but none issued that day: the rate is not measured
  ])('issued %i used %i first buyers %i added %i → %j', (issued, used, first, added, expected) => {
    const d = { ...quietDay, couponsIssued: issued, couponsUsed: used, firstPurchases: first, firstBuyersAddedGuide: added };
    const found = alertsOfDay('2026-12-03', d, zeroPeriod(), effectiveTargets({ couponUseRate: 2000, addGuideRate: 4000 }));
    expect(found.map((a) => a.metric)).toEqual(expected);
  });
});

describe('ROI plan against actual', () => {
  it('the template: 1,000 members a month, cost 20,000 ¥/month with ¥40k software', () => {
    const [m1, m2] = planMonths(DEFAULT_ROI_PLAN, ['2026-01', '2026-02']);
    expect(m1).toMatchObject({ membersJoined: 1000, members: 1000, costFen: 1_833_333, gmvFen: 675_000 }); // 1000 × 30 % × 15 % × ¥150
    expect(m2.members).toBe(2000);
    expect(m2.gmvFen).toBe(1_350_000);
  });

  it('actual cost takes the incentives from real data: coupon face value + points at 100 = ¥1', () => {
    const [a] = actualMonths(DEFAULT_ROI_PLAN, [
      { month: '2026-01', newMembers: 10, membersToDate: 40, activeMembers: 10, payingMembers: 2, paidOrders: 4, netGmvFen: 2_000_000, couponFaceFen: 5_000, pointsSpent: 3_000 },
    ]);
    expect(a.costFen).toBe(1_416_667 + 5_000 + 3_000);
    expect(a).toMatchObject({ mauShare: 2500, conversion: 2000, aovFen: 500_000, gmvFen: 2_000_000, roiX100: roiX100(2_000_000, 1_424_667) });
  });

  it('no cost, no multiple', () => expect(roiX100(100, 0)).toBe(0));
});
