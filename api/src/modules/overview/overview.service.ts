/**
 * 概览: today / 7-day / 30-day figures, the 30-day GMV trend, top products and the guide
 * leaderboard, HQ-wide or for one store. One read of the 30 days' paid orders summed by Beijing
 * day and guide (a covering index) serves every period, since each period is whole Beijing days.
 */
import type { OverviewDto } from '@common/hq/types';
import { dailyTrend, figuresOf, lastDays, type PaidOrderFact } from '@common/hq/overview';
import type { AuthService } from '../auth';
import type { GuideDirectory } from '../guides';
import type { OrderFacts } from '../orders';

const TOP = 10;

export class OverviewService {
  constructor(
    private readonly orders: Pick<OrderFacts, 'paidByDayAndGuide' | 'topProductsPaidBetween'>,
    private readonly guides: GuideDirectory,
    private readonly members: Pick<AuthService, 'membersCreatedBetween'>,
    private readonly now: () => Date,
  ) {}

  async overview(storeId: number | null): Promise<OverviewDto> {
    const now = this.now();
    const guideIds = storeId === null ? null : await this.guides.guideIdsOfStore(storeId);
    const month = lastDays(now, 30);
    const periods = { today: lastDays(now, 1), last7Days: lastDays(now, 7), last30Days: month };
    // Independent reads, side by side: the page waits for the slowest, not for their sum.
    const [buckets, top, people] = await Promise.all([
      this.orders.paidByDayAndGuide(month.from, month.to, guideIds),
      this.orders.topProductsPaidBetween(month.from, month.to, guideIds, TOP),
      Promise.all(Object.values(periods).map((range) => this.people(range, guideIds))),
    ]);
    // A bucket stands at its day's 00:00 in Beijing: inside exactly the periods that hold the day.
    const paid: PaidOrderFact[] = buckets.map((b) => ({ netFen: b.netFen, guideId: b.guideId, orders: b.orders, paidAt: new Date(`${b.day}T00:00:00+08:00`) }));
    const figures = (range: { from: Date; to: Date }, i: number) =>
      figuresOf(
        paid.filter((o) => o.paidAt >= range.from && o.paidAt < range.to),
        people[i].newMembers,
        people[i].addGuide,
      );
    const byGuide = new Map<number, { gmvFen: number; orders: number }>();
    for (const o of paid) {
      if (o.guideId === null) continue;
      const g = byGuide.get(o.guideId) ?? { gmvFen: 0, orders: 0 };
      g.gmvFen += o.netFen;
      g.orders += o.orders ?? 1;
      byGuide.set(o.guideId, g);
    }
    const leaders = [...byGuide.entries()].sort((a, b) => b[1].gmvFen - a[1].gmvFen || a[0] - b[0]).slice(0, TOP);
    const names = new Map((await this.guides.guidesByIds(leaders.map(([id]) => id))).map((g) => [g.id, g]));
    return {
      storeId,
      today: figures(periods.today, 0),
      last7Days: figures(periods.last7Days, 1),
      last30Days: figures(periods.last30Days, 2),
      trend: dailyTrend(paid, month),
      topProducts: top.map((p) => ({ productId: p.productId, title: p.title, quantity: p.quantity, gmvFen: p.payableFen })),
      guideLeaderboard: leaders.map(([guideId, g]) => ({ guideId, name: names.get(guideId)?.name ?? `#${guideId}`, storeId: names.get(guideId)?.storeId ?? 0, ...g })),
    };
  }

  /** A period's new members (a store's: the shoppers who became its guides' customers) and add-your-guide funnel. */
  private async people(range: { from: Date; to: Date }, guideIds: number[] | null) {
    const [newMembers, addGuide] = await Promise.all([
      guideIds === null ? this.members.membersCreatedBetween(range.from, range.to) : this.guides.newCustomers(range, guideIds),
      this.guides.addAfterFirstPurchase(range, guideIds),
    ]);
    return { newMembers, addGuide };
  }
}
