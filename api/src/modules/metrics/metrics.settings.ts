/**
 * HQ's settings of the metrics: daily targets per metric (the plans' defaults until HQ changes
 * them) and the ROI plan; and the ROI page, plan against actual month by month.
 */
import type { DataSource } from 'typeorm';
import { bucketsBetween, today } from '@common/metrics/period';
import { actualMonths, DEFAULT_ROI_PLAN, planMonths, type RoiPlanInput, type RoiRow } from '@common/metrics/roi';
import { effectiveTargets, TARGET_KEYS, type TargetKey } from '@common/metrics/targets';
import type { Transactor } from '../../db/transaction';
import { MetricRoiPlan, MetricTarget } from './metrics.entities';
import type { MetricsReads } from './metrics.reads';

export type TargetSettings = Partial<Record<TargetKey, number | null>>;

export class MetricsSettings {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly reads: MetricsReads,
    private readonly now: () => Date,
  ) {}

  /** HQ's settings (null: a default cleared) and the targets in force. */
  async targets(): Promise<{ set: TargetSettings; effective: Partial<Record<TargetKey, number>> }> {
    const set: TargetSettings = {};
    for (const r of await this.ds.manager.find(MetricTarget)) if ((TARGET_KEYS as string[]).includes(r.metric)) set[r.metric as TargetKey] = r.value;
    return { set, effective: effectiveTargets(set) };
  }

  /** Sets the targets named (a value, or null to clear one); others keep theirs. Last write wins per metric. */
  async putTargets(values: TargetSettings): Promise<{ set: TargetSettings; effective: Partial<Record<TargetKey, number>> }> {
    const now = this.now();
    await this.tx.run(async (m) => {
      for (const [metric, value] of Object.entries(values)) {
        if (value === undefined) continue;
        // The primary key (metric) makes this an upsert: an UPDATE, else the INSERT.
        const res = await m.createQueryBuilder().update(MetricTarget).set({ value, updatedAt: now }).where({ metric }).execute();
        if (!res.affected) await m.createQueryBuilder().insert().into(MetricTarget).values({ metric, value, updatedAt: now }).orUpdate(['value', 'updated_at'], ['metric']).execute();
      }
    });
    return this.targets();
  }

  async plan(): Promise<RoiPlanInput> {
    const row = await this.ds.manager.findOneBy(MetricRoiPlan, { id: 1 });
    return row ? { ...DEFAULT_ROI_PLAN, ...(JSON.parse(row.plan) as Partial<RoiPlanInput>) } : { ...DEFAULT_ROI_PLAN };
  }

  async putPlan(plan: RoiPlanInput): Promise<RoiPlanInput> {
    const now = this.now();
    await this.tx.run(async (m) => {
      // One row (id 1): update it, or insert it the first time (a racing insert updates instead).
      const res = await m.createQueryBuilder().update(MetricRoiPlan).set({ plan: JSON.stringify(plan), updatedAt: now }).where({ id: 1 }).execute();
      if (!res.affected) await m.createQueryBuilder().insert().into(MetricRoiPlan).values({ id: 1, plan: JSON.stringify(plan), updatedAt: now }).orUpdate(['plan', 'updated_at'], ['id']).execute();
    });
    return this.plan();
  }

  /** The ROI page: the months of a year up to this month, plan and actual side by side. */
  async roi(year: number): Promise<{ year: number; plan: RoiPlanInput; months: { month: string; plan: RoiRow; actual: RoiRow }[] }> {
    const plan = await this.plan();
    const t = today(this.now());
    const last = `${year}-12-31` < t ? `${year}-12-31` : t;
    const first = `${year}-01-01`;
    const months = first <= last ? bucketsBetween(first, last, 'month') : [];
    const planned = planMonths(plan, months);
    const rows = first <= last ? await this.reads.seriesList({ kind: 'chain', id: 0 }, 'month', first, last) : [];
    const actual = actualMonths(
      plan,
      rows.map((r) => ({
        month: r.bucket,
        newMembers: r.newMembers,
        membersToDate: r.membersToDate,
        activeMembers: r.activeMembers,
        payingMembers: r.payingMembers,
        paidOrders: r.paidOrders,
        netGmvFen: r.netGmvFen,
        couponFaceFen: r.couponFen,
        pointsSpent: r.pointsSpent,
      })),
    );
    return { year, plan, months: months.map((month, i) => ({ month, plan: planned[i], actual: actual[i] })) };
  }
}
