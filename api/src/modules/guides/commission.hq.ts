/**
 * HQ's reads of the commission ledger: a guide's entries (paged, newest first), the monthly
 * settlement CSV (streamed in batches, oldest first, with the month's payable at the end) and the
 * rates HQ set. Order numbers come from the orders module's port.
 */
import { Readable } from 'node:stream';
import { Between, type DataSource, MoreThan } from 'typeorm';
import { DEFAULT_COMMISSION_BP } from '@common/attribution/commission';
import { beijingMonth, CSV_BOM, csvLine, SETTLEMENT_HEADERS, settlementEffect, settlementRow, settlementTotal, type CommissionEntryDto } from '@common/attribution/settlement';
import type { Page } from '@common/paging';
import { rowsPage } from '../../db/rows-page';
import { AppError } from '../../http/app-error';
import type { OrderFacts } from '../orders';
import { CommissionEntry, CommissionRate, Guide } from './guides.entities';
import type { RateListInput } from './guides.schema';

/** One page of the rates HQ set, and the default rate that applies elsewhere. */
export interface RatesPage extends Page<{ scope: CommissionRate['scope']; refId: number; rateBp: number }> {
  defaultBp: number;
}

/** Rows read per query while streaming a settlement: memory stays flat whatever the month holds. */
const BATCH = 500;
const beijingTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

export class CommissionLedgerReads {
  constructor(
    private readonly ds: DataSource,
    private readonly orders: Pick<OrderFacts, 'byIds'>,
  ) {}

  /** The guide, if the caller may see it: `scope` is a store manager's store (null: HQ-wide). */
  async requireGuide(guideId: number, scope: number | null = null): Promise<Guide> {
    const g = await this.ds.manager.findOneBy(Guide, { id: guideId });
    if (!g || (scope !== null && g.storeId !== scope)) throw new AppError('GUIDE_NOT_FOUND');
    return g;
  }

  async entries(guideId: number, page: number, pageSize: number, scope: number | null = null): Promise<Page<CommissionEntryDto>> {
    await this.requireGuide(guideId, scope);
    // Served by idx (guide_id, created_at); id breaks ties within one instant.
    const [rows, total] = await this.ds.manager.findAndCount(CommissionEntry, { where: { guideId }, order: { createdAt: 'DESC', id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items: await this.toDtos(rows), page, pageSize, total, hasMore: page * pageSize < total };
  }

  /** The month's settlement as a CSV stream; the guide and the month are checked before the first byte. */
  async settlement(guideId: number, month: string): Promise<{ stream: Readable; filename: string }> {
    const range = beijingMonth(month);
    if (!range) throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'month', message: '须为 YYYY-MM' }]);
    const guide = await this.requireGuide(guideId);
    const self = this;
    async function* lines(): AsyncGenerator<string> {
      yield CSV_BOM + csvLine(SETTLEMENT_HEADERS);
      let payable = 0;
      let afterId = 0;
      for (;;) {
        // Keyset pages by id inside the month (ids grow with time): no OFFSET scan on a big month.
        const rows = await self.ds.manager.find(CommissionEntry, {
          where: { guideId, createdAt: Between(range!.from, new Date(range!.to.getTime() - 1)), id: MoreThan(afterId) },
          order: { id: 'ASC' },
          take: BATCH,
        });
        if (!rows.length) break;
        for (const e of await self.toDtos(rows)) {
          payable += settlementEffect(e.kind, e.amountFen);
          yield settlementRow(e, beijingTime(new Date(e.createdAt)));
        }
        afterId = rows[rows.length - 1].id;
        if (rows.length < BATCH) break;
      }
      yield settlementTotal(month, guide.name, payable);
    }
    return { stream: Readable.from(lines()), filename: `佣金结算-${guide.name}-${month}.csv` };
  }

  /** The rates HQ set, a page in (scope, ref) order (uq_commission_rate), with the default rate. */
  async rates(f: RateListInput): Promise<RatesPage> {
    const qb = this.ds.manager.createQueryBuilder(CommissionRate, 'r');
    if (f.scope) qb.andWhere('r.scope = :scope', { scope: f.scope });
    if (f.refId !== undefined) qb.andWhere('r.refId = :refId', { refId: f.refId });
    qb.orderBy('r.scope', 'ASC').addOrderBy('r.refId', 'ASC');
    const page = await rowsPage(qb, f, (l) => l.getMany(), (rows) => rows.map((r) => ({ scope: r.scope, refId: r.refId, rateBp: r.rateBp })));
    return { defaultBp: DEFAULT_COMMISSION_BP, ...page };
  }

  private async toDtos(rows: CommissionEntry[]): Promise<CommissionEntryDto[]> {
    const nos = new Map((await this.orders.byIds([...new Set(rows.filter((r) => r.source !== 'offline').map((r) => r.orderId))])).map((o) => [o.id, o.orderNo]));
    // An offline (store) entry has no order: it is labelled 线下 with the store receipt number.
    const label = (r: CommissionEntry) => (r.source === 'offline' ? `线下 ${r.receiptNo ?? ''}`.trim() : (nos.get(r.orderId) ?? null));
    return rows.map((r) => ({ id: r.id, orderId: r.orderId, orderNo: label(r), kind: r.kind, amountFen: r.amountFen, createdAt: r.createdAt.toISOString() }));
  }
}
