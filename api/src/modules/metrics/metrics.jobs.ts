/**
 * The metrics' lease jobs (one run at a time across instances: the scheduler's lease).
 * - metrics-refresh (every 10 minutes): facts other modules keep without an event — sign-ins of
 *   today's and yesterday's active members, store/guide 新会员 from guide bindings, and the
 *   chain's coupons issued and points earned/used (per-day reads by the created-at indexes).
 * - metrics-nightly (hourly, works once per day): re-derives yesterday (the safety net): syncs
 *   every order paid that day, sets the chain's 新会员 from the members table, and recounts the
 *   day's, week's and month's distinct counters from the member rows.
 */
import { MoreThan, type DataSource } from 'typeorm';
import { addDays, dayRange, periodKeysOf, today } from '@common/metrics/period';
import type { Transactor } from '../../db/transaction';
import type { OrderFacts } from '../orders';
import type { MetricsFeed } from './metrics.feed';
import { MetricDaily, MetricMember, type ScopeKind } from './metrics.entities';
import { applyOnce, isApplied, markMember, recountPeriod, setDaily, type Scope } from './metrics.store';

const BATCH = 500;

export interface JobDeps {
  ds: DataSource;
  tx: Transactor;
  now: () => Date;
  feed: MetricsFeed;
  orders: Pick<OrderFacts, 'paidBetween' | 'byIds'>;
  signedInOn: (memberIds: readonly number[], day: string) => Promise<number[]>;
  newCustomersByGuide: (r: { from: Date; to: Date }) => Promise<{ guideId: number; storeId: number; count: number }[]>;
  membersCreatedBetween: (from: Date, to: Date) => Promise<number>;
  couponsIssuedBetween: (from: Date, to: Date) => Promise<number>;
  pointsBetween: (from: Date, to: Date) => Promise<{ earned: number; used: number }>;
}

export class MetricsJobs {
  constructor(private readonly d: JobDeps) {}

  async refresh(): Promise<{ signedIn: number; scopes: number }> {
    const t = today(this.d.now());
    let signedIn = 0;
    let scopes = 0;
    for (const day of [addDays(t, -1), t]) {
      signedIn += await this.markSignins(day);
      scopes += await this.storeNewMembers(day);
      await this.chainFlows(day);
    }
    return { signedIn, scopes };
  }

  /** Active members of the day not yet marked signed in, in keyset pages, asked of the points module. */
  private async markSignins(day: string): Promise<number> {
    const period = periodKeysOf(day)[0];
    let after = 0;
    let marked = 0;
    for (;;) {
      const rows = await this.d.ds.manager.find(MetricMember, {
        select: { memberId: true },
        where: { period, scopeKind: 'chain', scopeId: 0, signedIn: false, memberId: MoreThan(after) },
        order: { memberId: 'ASC' },
        take: BATCH,
      });
      if (!rows.length) return marked;
      after = rows[rows.length - 1].memberId;
      for (const memberId of await this.d.signedInOn(rows.map((r) => r.memberId), day)) {
        await this.d.tx.run(async (m) => {
          const mine = await m.find(MetricMember, { select: { scopeKind: true, scopeId: true }, where: { period, memberId } });
          const order: Record<ScopeKind, number> = { chain: 0, store: 1, guide: 2 };
          const scopes: Scope[] = mine.map((r) => ({ kind: r.scopeKind, id: r.scopeId })).sort((a, b) => order[a.kind] - order[b.kind] || a.id - b.id);
          await markMember(m, day, scopes, memberId, { signedIn: true });
        });
        marked++;
      }
      if (rows.length < BATCH) return marked;
    }
  }

  /** Sets the day's 新会员 of every guide and store (absolute values: rerunning changes nothing). */
  private async storeNewMembers(day: string): Promise<number> {
    const byGuide = await this.d.newCustomersByGuide(dayRange(day));
    const byStore = new Map<number, number>();
    for (const g of byGuide) byStore.set(g.storeId, (byStore.get(g.storeId) ?? 0) + g.count);
    // Scopes that had new members counted earlier but none now (a binding moved) go back to 0.
    const before = await this.d.ds.manager.find(MetricDaily, { select: { scopeKind: true, scopeId: true }, where: { day, newMembers: MoreThan(0) } });
    const values = new Map<string, number>();
    for (const r of before) if (r.scopeKind !== 'chain') values.set(`${r.scopeKind}:${r.scopeId}`, 0);
    for (const g of byGuide) values.set(`guide:${g.guideId}`, g.count);
    for (const [storeId, n] of byStore) values.set(`store:${storeId}`, n);
    await this.d.tx.run(async (m) => {
      for (const [key, n] of values) {
        const [kind, id] = key.split(':');
        await setDaily(m, day, { kind: kind as ScopeKind, id: Number(id) }, { newMembers: n });
      }
    });
    return values.size;
  }

  /** Sets the day's coupons issued and points earned/used of the chain from their modules' read ports (absolute: rerunning changes nothing). */
  private async chainFlows(day: string): Promise<void> {
    const r = dayRange(day);
    const couponsIssued = await this.d.couponsIssuedBetween(r.from, r.to);
    const points = await this.d.pointsBetween(r.from, r.to);
    await this.d.tx.run((m) => setDaily(m, day, { kind: 'chain', id: 0 }, { couponsIssued, pointsEarned: points.earned, pointsUsed: points.used }));
  }

  /** Re-derives yesterday once it is over; the applied key makes the later hourly runs no-ops. */
  async nightly(): Promise<{ day: string; orders: number; changed: number } | { day: string; skipped: true }> {
    const day = addDays(today(this.d.now()), -1);
    const key = `rederive:${day}`;
    if (await isApplied(this.d.ds.manager, key)) return { day, skipped: true };
    const r = await this.rederive(day);
    await this.d.tx.run((m) => applyOnce(m, key, this.d.now()));
    return r;
  }

  /** The safety net for one day: orders synced from the order table, chain 新会员, coupons and points set, distinct counters recounted. */
  async rederive(day: string): Promise<{ day: string; orders: number; changed: number }> {
    const range = dayRange(day);
    const paid = await this.d.orders.paidBetween(range.from, range.to, null);
    let changed = 0;
    for (let i = 0; i < paid.length; i += BATCH) {
      // Whole rows (with their adjustments), a batch at a time.
      for (const o of await this.d.orders.byIds(paid.slice(i, i + BATCH).map((p) => p.id))) if ((await this.d.feed.syncOrder(o)) !== 'unchanged') changed++;
    }
    const newMembers = await this.d.membersCreatedBetween(range.from, range.to);
    await this.d.tx.run((m) => setDaily(m, day, { kind: 'chain', id: 0 }, { newMembers }));
    await this.storeNewMembers(day);
    await this.chainFlows(day);
    for (const period of periodKeysOf(day)) await this.d.tx.run((m) => recountPeriod(m, period));
    return { day, orders: paid.length, changed };
  }
}
