import { beijingDay, beijingDayStart, dailyTrend, daysIn, figuresOf, lastDays } from './overview';

describe('概览 periods and figures', () => {
  it('cuts days at Beijing midnight whatever the UTC date', () => {
    // 2026-12-03 23:30 Beijing = 15:30 UTC; 2026-12-04 00:30 Beijing = 16:30 UTC of the 3rd.
    expect(beijingDay(new Date('2026-12-03T15:30:00Z'))).toBe('2026-12-03');
    expect(beijingDay(new Date('2026-12-03T16:30:00Z'))).toBe('2026-12-04');
    expect(beijingDayStart(new Date('2026-12-03T16:30:00Z')).toISOString()).toBe('2026-12-03T16:00:00.000Z');
    const week = lastDays(new Date('2026-12-03T04:00:00Z'), 7);
    expect([week.from.toISOString(), week.to.toISOString()]).toEqual(['2026-11-26T16:00:00.000Z', '2026-12-03T16:00:00.000Z']);
  });

  const day = (d: string, netFen: number, guideNetFen: number, orders: number, newMembers = 0) => ({ day: d, netFen, guideNetFen, orders, newMembers });

  it("sums GMV net of refunds, the guides' share, new members and the add rate in basis points", () => {
    const f = figuresOf([day('2026-12-02', 3000, 3000, 2, 1), day('2026-12-03', 1000, 0, 1, 3)], { prompted: 3, added: 1 });
    expect(f).toEqual({ gmvFen: 4000, orders: 3, aovFen: 1333, newMembers: 4, guideShareBp: 7500, addGuideRateBp: 3333 });
    expect(figuresOf([], { prompted: 0, added: 0 })).toEqual({ gmvFen: 0, orders: 0, aovFen: 0, newMembers: 0, guideShareBp: 0, addGuideRateBp: 0 });
  });

  it('keeps the days of a period by their Beijing midnight', () => {
    const week = lastDays(new Date('2026-12-03T17:00:00Z'), 2); // 2026-12-04 01:00 Beijing: the 3rd and the 4th
    const days = [day('2026-12-02', 1, 0, 1), day('2026-12-03', 2, 0, 1), day('2026-12-04', 4, 0, 1), day('2026-12-05', 8, 0, 1)];
    expect(daysIn(days, week).map((d) => d.day)).toEqual(['2026-12-03', '2026-12-04']);
  });

  it('gives every day of the range a point, empty days included', () => {
    const range = lastDays(new Date('2026-12-03T04:00:00Z'), 3);
    expect(dailyTrend([day('2026-12-03', 500, 0, 1), day('2026-11-30', 7, 0, 1)], range)).toEqual([
      { day: '2026-12-01', gmvFen: 0, orders: 0 },
      { day: '2026-12-02', gmvFen: 0, orders: 0 },
      { day: '2026-12-03', gmvFen: 500, orders: 1 },
    ]);
  });
});
