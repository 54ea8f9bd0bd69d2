/** Reads of the points ledger: a shopper's summary and 积分明细 (own entries only), HQ's consistency report. */
import type { DataSource } from 'typeorm';
import { EXPIRY_REMINDER_DAYS } from '@common/membership/rules';
import { shanghaiDate } from '@common/membership/shanghai';
import type { ConsistencyReport, ConsistencyRow, PointsEntryDto, PointsLedgerPage, PointsSummaryDto } from '@common/membership/types';
import { balanceOf } from './ledger';
import { PointsEntry, PointsLot } from './points.entities';

export const pointsEntryDto = (e: PointsEntry): PointsEntryDto => ({
  id: e.id,
  kind: e.kind,
  reason: e.reason,
  points: e.points,
  balanceDelta: e.balanceDelta,
  pendingDelta: e.pendingDelta,
  debtDelta: e.debtDelta,
  createdAt: e.createdAt.toISOString(),
});

export class PointsReads {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  async summary(memberId: number): Promise<PointsSummaryDto> {
    const now = this.now();
    const b = await balanceOf(this.ds.manager, memberId);
    const soon = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000);
    const row = await this.ds.manager
      .createQueryBuilder(PointsLot, 'l')
      .select('COALESCE(SUM(l.remaining), 0)', 'points')
      .addSelect('MIN(l.expires_at)', 'first')
      .where('l.member_id = :memberId AND l.remaining > 0 AND l.expires_at > :now AND l.expires_at <= :soon', { memberId, now, soon })
      .getRawOne<{ points: string | number; first: string | Date | null }>();
    const first = row?.first ? new Date(row.first instanceof Date ? row.first : `${String(row.first).replace(' ', 'T')}Z`) : null;
    // Stored as the instant the lot stops being valid; the last valid Shanghai day is the one before.
    return { ...b, expiringSoon: Number(row?.points ?? 0), expiringOn: first ? shanghaiDate(new Date(first.getTime() - 1)) : null };
  }

  /** 积分明细: the member's own entries, newest first; another member's are simply not there. */
  async ledger(memberId: number, page: number, pageSize: number): Promise<PointsLedgerPage> {
    const [rows, total] = await this.ds.manager.findAndCount(PointsEntry, { where: { memberId }, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items: rows.map(pointsEntryDto), page, pageSize, total, hasMore: page * pageSize < total, summary: await this.summary(memberId) };
  }

  /**
   * HQ consistency report: every account next to the sums of its entries and lots. `mismatches`
   * lists the accounts where balance ≠ Σ entries ≠ Σ lots (or pending/debt ≠ Σ); it should be empty.
   */
  async consistency(): Promise<ConsistencyReport> {
    const rows: Record<string, string | number>[] = await this.ds.query(
      `SELECT a.member_id AS member_id, a.balance AS balance, a.pending AS pending, a.debt AS debt,
              (SELECT COALESCE(SUM(e.balance_delta), 0) FROM points_entry e WHERE e.member_id = a.member_id) AS sum_balance,
              (SELECT COALESCE(SUM(e.pending_delta), 0) FROM points_entry e WHERE e.member_id = a.member_id) AS sum_pending,
              (SELECT COALESCE(SUM(e.debt_delta), 0) FROM points_entry e WHERE e.member_id = a.member_id) AS sum_debt,
              (SELECT COALESCE(SUM(l.remaining), 0) FROM points_lot l WHERE l.member_id = a.member_id) AS sum_lots
         FROM points_account a`,
    );
    const all: ConsistencyRow[] = rows.map((r) => ({
      memberId: Number(r.member_id),
      balance: Number(r.balance),
      pending: Number(r.pending),
      debt: Number(r.debt),
      sumBalance: Number(r.sum_balance),
      sumPending: Number(r.sum_pending),
      sumDebt: Number(r.sum_debt),
      sumLots: Number(r.sum_lots),
    }));
    const bad = (r: ConsistencyRow) =>
      r.balance !== r.sumBalance || r.balance !== r.sumLots || r.pending !== r.sumPending || r.debt !== r.sumDebt || r.balance < 0 || r.pending < 0 || r.debt < 0;
    const totals = all.reduce((t, r) => ({ balance: t.balance + r.balance, pending: t.pending + r.pending, debt: t.debt + r.debt }), { balance: 0, pending: 0, debt: 0 });
    return { accounts: all.length, mismatches: all.filter(bad), totals };
  }
}
