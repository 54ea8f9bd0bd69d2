/**
 * 概览: today / 7-day / 30-day figures, the 30-day GMV trend, top products and the guide
 * leaderboard, HQ-wide or for one store. Read from aggregates, never the orders: the metrics'
 * daily counters (chain rows, and guide rows for the guides' share and for a store, which is its
 * guides summed, as before) and 概览's own product rows. Each period is whole Beijing days.
 */
import type { DailyCounters } from '@common/metrics/definitions';
import type { OverviewDto } from '@common/hq/types';
import { beijingDay, dailyTrend, daysIn, figuresOf, lastDays, type DayTotals } from '@common/hq/overview';
import type { GuideDirectory } from '../guides';
import type { MetricsReads } from '../metrics';
import type { ProductTally } from './overview.products';

const TOP = 10;
const net = (d: DailyCounters | undefined) => (d ? d.gmvFen - d.refundFen : 0);

export class OverviewService {
  constructor(
    private readonly metrics: Pick<MetricsReads, 'dayTotals' | 'leaderboard'>,
    private readonly products: Pick<ProductTally, 'top'>,
    private readonly guides: GuideDirectory,
    private readonly now: () => Date,
  ) {}

  async overview(storeId: number | null): Promise<OverviewDto> {
    const now = this.now();
    const guideIds = storeId === null ? null : await this.guides.guideIdsOfStore(storeId);
    const month = lastDays(now, 30);
    const first = beijingDay(month.from);
    const last = beijingDay(new Date(month.to.getTime() - 1));
    const periods = { today: lastDays(now, 1), last7Days: lastDays(now, 7), last30Days: month };
    // Independent reads, side by side: the page waits for the slowest, not for their sum.
    const [totals, byGuide, leaders, top, addGuide] = await Promise.all([
      guideIds === null ? this.metrics.dayTotals('chain', first, last, [0]) : null,
      this.metrics.dayTotals('guide', first, last, guideIds),
      this.metrics.leaderboard('guide', first, last, guideIds),
      this.products.top(first, last, guideIds, TOP),
      Promise.all(Object.values(periods).map((range) => this.guides.addAfterFirstPurchase(range, guideIds))),
    ]);
    // A store's days are its guides' (all attributed); the chain's are its own, with the guides' part.
    const days: DayTotals[] = [...(totals ?? byGuide).entries()].map(([day, d]) => ({ day, netFen: net(d), guideNetFen: net(byGuide.get(day)), orders: d.paidOrders, newMembers: d.newMembers }));
    const figures = (range: { from: Date; to: Date }, i: number) => figuresOf(daysIn(days, range), addGuide[i]);
    const board = leaders.filter((g) => g.paidOrders > 0).slice(0, TOP);
    const names = new Map((await this.guides.guidesByIds(board.map((g) => g.id))).map((g) => [g.id, g]));
    return {
      storeId,
      today: figures(periods.today, 0),
      last7Days: figures(periods.last7Days, 1),
      last30Days: figures(periods.last30Days, 2),
      trend: dailyTrend(days, month),
      topProducts: top.map((p) => ({ productId: p.productId, title: p.title, quantity: p.quantity, gmvFen: p.payableFen })),
      guideLeaderboard: board.map((g) => ({ guideId: g.id, name: names.get(g.id)?.name ?? `#${g.id}`, storeId: names.get(g.id)?.storeId ?? 0, gmvFen: net(g), orders: g.paidOrders })),
    };
  }
}
