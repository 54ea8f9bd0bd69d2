/**
 * 概览: today / 7-day / 30-day figures, the 30-day GMV trend, top products and the guide
 * leaderboard, HQ-wide or for one store. One read of the 30 days' paid orders (paid_at index)
 * serves every period; the insight issue moves this to daily aggregate tables.
 */
import type { OverviewDto } from '@common/hq/types';
import { dailyTrend, figuresOf, lastDays, type PaidOrderFact } from '@common/hq/overview';
import type { AuthService } from '../auth';
import type { GuideDirectory } from '../guides';
import type { OrderFacts } from '../orders';

const TOP = 10;

export class OverviewService {
  constructor(
    private readonly orders: Pick<OrderFacts, 'paidBetween' | 'productTotals'>,
    private readonly guides: GuideDirectory,
    private readonly members: Pick<AuthService, 'membersCreatedBetween'>,
    private readonly now: () => Date,
  ) {}

  async overview(storeId: number | null): Promise<OverviewDto> {
    const now = this.now();
    const guideIds = storeId === null ? null : await this.guides.guideIdsOfStore(storeId);
    const month = lastDays(now, 30);
    const paid = await this.orders.paidBetween(month.from, month.to, guideIds);
    const periods = { today: lastDays(now, 1), last7Days: lastDays(now, 7), last30Days: month };
    const figures = async (range: { from: Date; to: Date }) => {
      const inRange: PaidOrderFact[] = paid.filter((o) => o.paidAt >= range.from && o.paidAt < range.to);
      // A store's new members are the shoppers who became its guides' customers.
      const newMembers = guideIds === null ? await this.members.membersCreatedBetween(range.from, range.to) : await this.guides.newCustomers(range, guideIds);
      return figuresOf(inRange, newMembers, await this.guides.addAfterFirstPurchase(range, guideIds));
    };
    const byGuide = new Map<number, { gmvFen: number; orders: number }>();
    for (const o of paid) {
      if (o.guideId === null) continue;
      const g = byGuide.get(o.guideId) ?? { gmvFen: 0, orders: 0 };
      g.gmvFen += o.netFen;
      g.orders += 1;
      byGuide.set(o.guideId, g);
    }
    const leaders = [...byGuide.entries()].sort((a, b) => b[1].gmvFen - a[1].gmvFen || a[0] - b[0]).slice(0, TOP);
    const names = new Map((await this.guides.guidesByIds(leaders.map(([id]) => id))).map((g) => [g.id, g]));
    const top = await this.orders.productTotals(
      paid.map((o) => o.id),
      TOP,
    );
    return {
      storeId,
      today: await figures(periods.today),
      last7Days: await figures(periods.last7Days),
      last30Days: await figures(periods.last30Days),
      trend: dailyTrend(paid, month),
      topProducts: top.map((p) => ({ productId: p.productId, title: p.title, quantity: p.quantity, gmvFen: p.payableFen })),
      guideLeaderboard: leaders.map(([guideId, g]) => ({ guideId, name: names.get(guideId)?.name ?? `#${guideId}`, storeId: names.get(guideId)?.storeId ?? 0, ...g })),
    };
  }
}
