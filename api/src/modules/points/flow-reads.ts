/** Points flow for other modules (the insight metrics): what was credited and spent in a time range. Read-only. */
import type { DataSource } from 'typeorm';
import { PointsEntry, type PointsEntryKind } from './points.entities';

/** Credits of new points (a purchase's pending points count when earned); confirm/void only move them. */
const EARNED: readonly PointsEntryKind[] = ['earn', 'signin', 'referral', 'grant'];

export class PointsFlowReads {
  constructor(private readonly ds: DataSource) {}

  /** Points earned and spent (checkout and points mall) by entries created in [from, to), by the created_at index. */
  async between(from: Date, to: Date): Promise<{ earned: number; used: number }> {
    const rows: { kind: string; n: string | number | null }[] = await this.ds.manager
      .createQueryBuilder(PointsEntry, 'e')
      .select('e.kind', 'kind')
      .addSelect('SUM(e.points)', 'n')
      .where('e.createdAt >= :from AND e.createdAt < :to', { from, to })
      .andWhere('e.kind IN (:...kinds)', { kinds: [...EARNED, 'spend'] })
      .groupBy('e.kind')
      .getRawMany();
    let earned = 0;
    let used = 0;
    for (const r of rows) {
      if (r.kind === 'spend') used += Math.abs(Number(r.n ?? 0));
      else earned += Number(r.n ?? 0);
    }
    return { earned, used };
  }
}
