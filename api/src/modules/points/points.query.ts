/** Reads of the points ledger: a shopper's summary and 积分明细 (own entries only), HQ's consistency report. */
import type { DataSource } from 'typeorm';
import { EXPIRY_REMINDER_DAYS } from '@common/membership/rules';
import { shanghaiDate } from '@common/membership/shanghai';
import type { ConsistencyPage, ConsistencyRow, PointsEntryDto, PointsLedgerPage, PointsSummaryDto } from '@common/membership/types';
import { balanceOf } from './ledger';
import { rowsPage } from '../../db/rows-page';
import { PointsAccount, PointsEntry, PointsLot } from './points.entities';
import type { ConsistencyQueryInput } from './points.schema';

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
   * HQ consistency check, one page of accounts at a time (member order, uq_points_account_member):
   * each account of the page next to the sums of its entries and lots (idx_points_entry_member,
   * idx_points_lot_member_expiry). No chain-wide pass: a page reads only its own members' rows.
   */
  async consistency(q: ConsistencyQueryInput): Promise<ConsistencyPage> {
    const qb = this.ds.manager.createQueryBuilder(PointsAccount, 'a').orderBy('a.memberId', 'ASC');
    const page = await rowsPage(qb, q, (l) => l.getMany(), (accounts) => this.check(accounts));
    const bad = page.items.filter((r) => !r.consistent);
    return { ...page, items: q.onlyMismatched ? bad : page.items, checked: page.items.length, mismatched: bad.length };
  }

  private async check(accounts: PointsAccount[]): Promise<ConsistencyRow[]> {
    if (!accounts.length) return [];
    const ids = accounts.map((a) => a.memberId);
    const [entries, lots] = await Promise.all([
      this.ds
        .createQueryBuilder(PointsEntry, 'e')
        .select('e.memberId', 'memberId')
        .addSelect('SUM(e.balanceDelta)', 'balance')
        .addSelect('SUM(e.pendingDelta)', 'pending')
        .addSelect('SUM(e.debtDelta)', 'debt')
        .where('e.memberId IN (:...ids)', { ids })
        .groupBy('e.memberId')
        .getRawMany<Record<'memberId' | 'balance' | 'pending' | 'debt', string | number>>(),
      this.ds
        .createQueryBuilder(PointsLot, 'l')
        .select('l.memberId', 'memberId')
        .addSelect('SUM(l.remaining)', 'lots')
        .where('l.memberId IN (:...ids)', { ids })
        .groupBy('l.memberId')
        .getRawMany<Record<'memberId' | 'lots', string | number>>(),
    ]);
    const sums = new Map(entries.map((e) => [Number(e.memberId), e]));
    const lotSums = new Map(lots.map((l) => [Number(l.memberId), Number(l.lots)]));
    return accounts.map((a) => {
      const e = sums.get(a.memberId);
      const row = { memberId: a.memberId, balance: a.balance, pending: a.pending, debt: a.debt, sumBalance: Number(e?.balance ?? 0), sumPending: Number(e?.pending ?? 0), sumDebt: Number(e?.debt ?? 0), sumLots: lotSums.get(a.memberId) ?? 0 };
      const consistent = row.balance === row.sumBalance && row.balance === row.sumLots && row.pending === row.sumPending && row.debt === row.sumDebt && row.balance >= 0 && row.pending >= 0 && row.debt >= 0;
      return { ...row, consistent };
    });
  }
}
