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
    const sales = this.ds.manager
      .createQueryBuilder(PosSale, 's')
      .select('s.storeId', 'storeId')
      .addSelect('s.guideId', 'guideId')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(s.payableFen)', 'fen')
      .where('s.day >= :from AND s.day <= :to', { from, to })
      .groupBy('s.storeId')
      .addGroupBy('s.guideId');
    const returns = this.ds.manager
      .createQueryBuilder(PosReturn, 'r')
      .innerJoin(PosSale, 's', 's.id = r.saleId')
      .select('s.storeId', 'storeId')
      .addSelect('s.guideId', 'guideId')
      .addSelect('SUM(r.amountFen)', 'fen')
      .where('r.day >= :from AND r.day <= :to', { from, to })
      .groupBy('s.storeId')
      .addGroupBy('s.guideId');
    const commission = this.ds.manager
      .createQueryBuilder(PosCommission, 'c')
      .innerJoin(PosSale, 's', 's.id = c.saleId')
      .select('s.storeId', 'storeId')
      .addSelect('c.guideId', 'guideId')
      .addSelect("SUM(CASE WHEN c.kind = 'accrued' THEN c.amount_fen ELSE 0 - c.amount_fen END)", 'fen')
      .where('c.day >= :from AND c.day <= :to', { from, to })
      .groupBy('s.storeId')
      .addGroupBy('c.guideId');
    if (scope !== null) for (const q of [sales, returns, commission]) q.andWhere('s.storeId = :scope', { scope });
    for (const s of await sales.getRawMany()) {
      const r = row(num(s.storeId), s.guideId === null ? null : num(s.guideId));
      r.offlineSales = num(s.n);
      r.offlinePayableFen = num(s.fen);
    }
    for (const x of await returns.getRawMany()) row(num(x.storeId), x.guideId === null ? null : num(x.guideId)).offlineReturnedFen = num(x.fen);
    for (const x of await commission.getRawMany()) row(num(x.storeId), num(x.guideId)).offlineCommissionFen = num(x.fen);
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
