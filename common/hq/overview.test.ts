import { beijingDay, beijingDayStart, dailyTrend, figuresOf, lastDays } from './overview';

describe('概览 periods and figures', () => {
  it('cuts days at Beijing midnight whatever the UTC date', () => {
    // 2026-12-03 23:30 Beijing = 15:30 UTC; 2026-12-04 00:30 Beijing = 16:30 UTC of the 3rd.
    expect(beijingDay(new Date('2026-12-03T15:30:00Z'))).toBe('2026-12-03');
    expect(beijingDay(new Date('2026-12-03T16:30:00Z'))).toBe('2026-12-04');
    expect(beijingDayStart(new Date('2026-12-03T16:30:00Z')).toISOString()).toBe('2026-12-03T16:00:00.000Z');
    const week = lastDays(new Date('2026-12-03T04:00:00Z'), 7);
    expect([week.from.toISOString(), week.to.toISOString()]).toEqual(['2026-11-26T16:00:00.000Z', '2026-12-03T16:00:00.000Z']);
  });

  it('sums GMV net of refunds, the guides\' share and the add rate in basis points', () => {
    const at = new Date('2026-12-03T02:00:00Z');
    const f = figuresOf(
      [
        { netFen: 3000, guideId: 1, paidAt: at },
        { netFen: 1000, guideId: null, paidAt: at },
        { netFen: 0, guideId: 2, paidAt: at },
      ],
      4,
      { prompted: 3, added: 1 },
    );
    expect(f).toEqual({ gmvFen: 4000, orders: 3, aovFen: 1333, newMembers: 4, guideShareBp: 7500, addGuideRateBp: 3333 });
    expect(figuresOf([], 0, { prompted: 0, added: 0 })).toEqual({ gmvFen: 0, orders: 0, aovFen: 0, newMembers: 0, guideShareBp: 0, addGuideRateBp: 0 });
  });

  it('gives every day of the range a point, empty days included', () => {
    const range = lastDays(new Date('2026-12-03T04:00:00Z'), 3);
    const trend = dailyTrend([{ netFen: 500, guideId: null, paidAt: new Date('2026-12-02T17:00:00Z') }], range);
    expect(trend).toEqual([
      { day: '2026-12-01', gmvFen: 0, orders: 0 },
      { day: '2026-12-02', gmvFen: 0, orders: 0 },
      { day: '2026-12-03', gmvFen: 500, orders: 1 },
    ]);
  });

  it('counts a day-and-guide bucket as the orders it sums, in the figures and the trend', () => {
    const day = new Date('2026-12-02T16:00:00Z'); // 2026-12-03 00:00 Beijing
    const buckets = [
      { netFen: 9000, guideId: 1, paidAt: day, orders: 3 },
      { netFen: 1000, guideId: null, paidAt: day, orders: 2 },
      { netFen: 500, guideId: 2, paidAt: day },
    ];
    expect(figuresOf(buckets, 0, { prompted: 0, added: 0 })).toMatchObject({ gmvFen: 10_500, orders: 6, aovFen: 1750, guideShareBp: 9048 });
    expect(dailyTrend(buckets, lastDays(new Date('2026-12-03T04:00:00Z'), 2))).toEqual([
      { day: '2026-12-02', gmvFen: 0, orders: 0 },
      { day: '2026-12-03', gmvFen: 10_500, orders: 6 },
    ]);
  });
});
