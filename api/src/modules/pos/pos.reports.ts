/**
 * HQ's offline sales: the list with its filters, and a per store/guide summary that puts the
 * offline figures (net of returns) beside the online GMV the guides reports already compute, and
 * adds them up. A 门店店长 sees their own store only (another store's filter answers 404).
 */
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Page } from '@common/paging';
import { addDays, shanghaiMidnight } from '@common/membership/shanghai';
import type { PosSaleRow, PosSummaryRow as SummaryRow } from '@common/pos/types';
import { AppError } from '../../http/app-error';
import { PosCommission, PosReturn, PosSale } from './pos.entities';
import type { SalesFilter } from './pos.schema';
import { saleResult } from './sales.service';

export type OnlineByGuide = (p: { from: Date; to: Date }) => Promise<{ guideId: number; storeId: number | null; orders: number; gmvFen: number }[]>;

const num = (v: unknown) => Number(v ?? 0);

export class PosReports {
  constructor(
    private readonly ds: DataSource,
    private readonly onlineByGuide: OnlineByGuide,
  ) {}

  private scoped(storeId: number | undefined, scope: number | null): number | undefined {
    if (scope === null) return storeId;
    if (storeId !== undefined && storeId !== scope) throw new AppError('STORE_NOT_FOUND');
    return scope;
  }

  async list(f: SalesFilter, scope: number | null): Promise<Page<PosSaleRow>> {
    const storeId = this.scoped(f.storeId, scope);
    const qb = this.ds.manager.createQueryBuilder(PosSale, 's');
    const where = (q: SelectQueryBuilder<PosSale>, sql: string, p: Record<string, unknown>) => q.andWhere(sql, p);
    if (storeId !== undefined) where(qb, 's.storeId = :storeId', { storeId });
    if (f.guideId !== undefined) where(qb, 's.guideId = :guideId', { guideId: f.guideId });
    if (f.memberId !== undefined) where(qb, 's.memberId = :memberId', { memberId: f.memberId });
    if (f.receiptNo !== undefined) where(qb, 's.receiptNo = :receiptNo', { receiptNo: f.receiptNo });
    if (f.from) where(qb, 's.day >= :from', { from: f.from });
    if (f.to) where(qb, 's.day <= :to', { to: f.to });
    const [rows, total] = await qb
      .orderBy('s.soldAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    const items = rows.map((s) => ({
      ...saleResult(s),
      soldAt: s.soldAt.toISOString(),
      day: s.day,
      paymentMethod: s.paymentMethod,
      totalFen: s.totalFen,
      discountFen: s.discountFen,
      returnedFen: s.returnedFen,
      lineCount: s.lineCount,
    }));
    return { items, page: f.page, pageSize: f.pageSize, total, hasMore: f.page * f.pageSize < total };
  }

  /** Beijing days [from, to]: sales by the day sold, returns by the day returned. */
  async summary(from: string, to: string, scope: number | null): Promise<SummaryRow[]> {
    const out = new Map<string, SummaryRow>();
    const row = (storeId: number | null, guideId: number | null) => {
      const key = `${storeId}:${guideId}`;
      let r = out.get(key);
      if (!r) out.set(key, (r = { storeId, guideId, offlineSales: 0, offlinePayableFen: 0, offlineReturnedFen: 0, offlineNetFen: 0, onlineOrders: 0, onlineGmvFen: 0, totalGmvFen: 0, offlineCommissionFen: 0 }));
      return r;
    };
    // One grouped sum per ledger, each by the sale's store and a guide, over its own day column.
    const grouped = async (entity: typeof PosSale | typeof PosReturn | typeof PosCommission, alias: string, guide: string, sum: string) => {
      const q = this.ds.manager.createQueryBuilder(entity, alias);
      if (entity !== PosSale) q.innerJoin(PosSale, 's', `s.id = ${alias}.saleId`);
      q.select('s.storeId', 'storeId').addSelect(guide, 'guideId').addSelect('COUNT(*)', 'n').addSelect(`SUM(${sum})`, 'fen');
      q.where(`${alias}.day >= :from AND ${alias}.day <= :to`, { from, to });
      if (scope !== null) q.andWhere('s.storeId = :scope', { scope });
      const rows = await q.groupBy('s.storeId').addGroupBy(guide).getRawMany<{ storeId: unknown; guideId: unknown; n: unknown; fen: unknown }>();
      return rows.map((x) => ({ row: row(num(x.storeId), x.guideId === null ? null : num(x.guideId)), n: num(x.n), fen: num(x.fen) }));
    };
    for (const x of await grouped(PosSale, 's', 's.guideId', 's.payableFen')) {
      x.row.offlineSales = x.n;
      x.row.offlinePayableFen = x.fen;
    }
    for (const x of await grouped(PosReturn, 'r', 's.guideId', 'r.amountFen')) x.row.offlineReturnedFen = x.fen;
    const accrued = "CASE WHEN c.kind = 'accrued' THEN c.amount_fen ELSE 0 - c.amount_fen END";
    for (const x of await grouped(PosCommission, 'c', 'c.guideId', accrued)) x.row.offlineCommissionFen = x.fen;
    const online = await this.onlineByGuide({ from: shanghaiMidnight(from), to: shanghaiMidnight(addDays(to, 1)) });
    for (const o of online) {
      if (scope !== null && o.storeId !== scope) continue;
      const r = row(o.storeId, o.guideId);
      r.onlineOrders = o.orders;
      r.onlineGmvFen = o.gmvFen;
    }
    for (const r of out.values()) {
      r.offlineNetFen = r.offlinePayableFen - r.offlineReturnedFen;
      r.totalGmvFen = r.offlineNetFen + r.onlineGmvFen;
    }
    return [...out.values()].sort((a, b) => b.totalGmvFen - a.totalGmvFen || num(a.storeId) - num(b.storeId) || num(a.guideId) - num(b.guideId));
  }
}
