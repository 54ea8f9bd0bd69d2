/**
 * HQ: create, edit, schedule, end and list campaigns. Campaign stock is carved out of the SKU's
 * stock through the catalogue's stock function when the campaign is scheduled, and what is left
 * goes back when it ends (see CampaignStock); a seat never touches `sku.stock`.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { CampaignDto } from '@common/groupbuy/types';
import { campaignNext, type CampaignEvent, type CampaignStatus } from '@common/groupbuy/state';
import { CAMPAIGN_STOCK_MAX, canChangeStock, checkCampaignTerms } from '@common/groupbuy/rules';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { CampaignView } from './campaign.view';
import type { CampaignStock } from './campaign.stock';
import { GbCampaign } from './groupbuy.entities';
import type { CampaignInput, CampaignListInput, CampaignPatch } from './groupbuy.schema';
import type { Page } from '@common/paging';
import { containsPattern } from '../../db/like';
import { rowsPage } from '../../db/rows-page';
import { beijingDayStart } from '../../http/list-query';

const DRAFT_ONLY = ['groupPriceFen', 'groupSize', 'startAt', 'groupHours'] as const;

export class CampaignAdmin {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly view: CampaignView,
    private readonly stock: CampaignStock,
    private readonly now: () => Date,
  ) {}

  /**
   * HQ's list, newest start first: (start_at, id) and (status, start_at, id) serve the order with
   * or without a status filter (migration 1796205000000); the title search filters along the walk.
   */
  async list(f: CampaignListInput): Promise<Page<CampaignDto>> {
    const qb = this.ds.getRepository(GbCampaign).createQueryBuilder('c');
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    if (f.keyword) qb.andWhere("c.title LIKE :kw ESCAPE '!'", { kw: containsPattern(f.keyword) });
    if (f.from) qb.andWhere('c.startAt >= :from', { from: beijingDayStart(f.from, 0) });
    if (f.to) qb.andWhere('c.startAt < :to', { to: beijingDayStart(f.to, 1) });
    qb.orderBy('c.startAt', 'DESC').addOrderBy('c.id', 'DESC');
    return rowsPage(qb, f, (l) => l.getMany(), (rows) => Promise.all(rows.map((c) => this.view.dto(c))));
  }

  async get(id: number): Promise<CampaignDto> {
    return this.view.dto(await this.require(this.ds.manager, id));
  }

  async create(input: CampaignInput): Promise<CampaignDto> {
    const sku = await this.stock.skuOf(input.skuId);
    if (!sku) throw new AppError('SKU_NOT_FOUND', `sku ${input.skuId}`, [{ field: 'skuId', message: '商品规格不存在' }]);
    const terms = checkCampaignTerms(input, sku.priceFen);
    if (!terms.ok) throw new AppError(terms.code, undefined, [{ field: terms.field, message: '' }]);
    const now = this.now();
    const id = await this.tx.run(async (m) => {
      const r = await m.insert(GbCampaign, {
        title: input.title,
        skuId: input.skuId,
        productId: sku.productId,
        groupPriceFen: input.groupPriceFen,
        groupSize: input.groupSize,
        stockTotal: input.stock,
        stockLeft: input.stock,
        unitsHeld: 0,
        unitsSold: 0,
        unitsReturned: 0,
        startAt: input.startAt,
        endAt: input.endAt,
        groupHours: input.groupHours,
        perShopperLimit: input.perShopperLimit,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      });
      return r.identifiers[0].id as number;
    });
    return this.get(id);
  }

  async update(id: number, patch: CampaignPatch): Promise<CampaignDto> {
    const now = this.now();
    await this.tx.run(async (m) => {
      const c = await this.require(m, id);
      if (c.status === 'ended') throw new AppError('GROUPBUY_CAMPAIGN_STATE', 'ended');
      if (c.status !== 'draft') {
        const locked = DRAFT_ONLY.find((k) => patch[k] !== undefined);
        if (locked) throw new AppError('GROUPBUY_CAMPAIGN_STATE', `${locked} is fixed once scheduled`, [{ field: locked, message: '活动排期后不可修改' }]);
      }
      const next = { ...c, ...stripUndefined(patch) };
      const sku = await this.stock.skuOf(c.skuId);
      const terms = checkCampaignTerms(next, sku?.priceFen ?? Number.MAX_SAFE_INTEGER);
      if (!terms.ok) throw new AppError(terms.code, undefined, [{ field: terms.field, message: '' }]);
      const { stockDelta, ...fields } = patch;
      if (Object.keys(stripUndefined(fields)).length) {
        // Compare-and-set on the status read above: a schedule or end in between makes this a conflict, not a lost edit.
        const r = await m.update(GbCampaign, { id, status: c.status }, { ...stripUndefined(fields), updatedAt: now });
        if (!r.affected) throw new AppError('GROUPBUY_CAMPAIGN_STATE', 'status changed');
      }
      if (stockDelta) await this.changeStock(m, c, stockDelta, now);
    });
    this.stock.changed(id);
    return this.get(id);
  }

  /**
   * Stock edits move units between the SKU and the campaign's `left`. The conditional update
   * refuses to take `left` below zero, so sold and held units stay covered whatever races it.
   */
  private async changeStock(m: EntityManager, c: GbCampaign, delta: number, now: Date): Promise<void> {
    if (!canChangeStock({ total: c.stockTotal, left: c.stockLeft }, delta)) {
      throw new AppError(delta < 0 ? 'GROUPBUY_STOCK_BELOW_COMMITTED' : 'VALIDATION_FAILED', `stock change ${delta}`, [{ field: 'stockDelta', message: `活动库存最多 ${CAMPAIGN_STOCK_MAX} 件` }]);
    }
    const r = await m
      .createQueryBuilder()
      .update(GbCampaign)
      .set({ stockTotal: () => 'stock_total + :delta', stockLeft: () => 'stock_left + :delta', updatedAt: now })
      .where('id = :id AND status = :status AND stock_left + :delta >= 0 AND stock_total + :delta <= :max', { id: c.id, status: c.status, delta, max: CAMPAIGN_STOCK_MAX })
      .execute();
    if (!r.affected) throw new AppError('GROUPBUY_STOCK_BELOW_COMMITTED');
    // A draft holds nothing of the SKU yet; a scheduled or running campaign trades units with it.
    if (c.status !== 'draft') await this.stock.moveFromSku(m, c.skuId, delta, `groupbuy ${c.id} edit`);
    if (delta > 0) this.stock.unitsReturned(c.id);
  }

  /** draft → scheduled: the campaign's units leave the SKU's stock in the same transaction. */
  async schedule(id: number): Promise<CampaignDto> {
    await this.tx.run(async (m) => {
      const c = await this.fire(m, id, 'schedule');
      await this.stock.moveFromSku(m, c.skuId, c.stockTotal, `groupbuy ${c.id} scheduled`);
    });
    this.stock.changed(id);
    return this.get(id);
  }

  /** Ends a campaign now (early or a discarded draft). Open groups fail at the next job run; unsold units go back then. */
  async end(id: number): Promise<CampaignDto> {
    const now = this.now();
    await this.tx.run(async (m) => {
      const c = await this.fire(m, id, 'end', { endAt: c0 => (c0.endAt < now ? c0.endAt : now) });
      // A draft never took units from the SKU: close its books so nothing is "returned" later.
      if (c.status === 'draft') await m.update(GbCampaign, { id }, { stockLeft: 0, unitsReturned: c.stockTotal });
    });
    this.stock.markEnded(id);
    return this.get(id);
  }

  /** One compare-and-set along the campaign table; returns the row as it was before. */
  private async fire(m: EntityManager, id: number, event: CampaignEvent, extra: { endAt?: (c: GbCampaign) => Date } = {}): Promise<GbCampaign> {
    const c = await this.require(m, id);
    const to = campaignNext(c.status, event);
    if (!to) throw new AppError('GROUPBUY_CAMPAIGN_STATE', `${event} from ${c.status}`);
    // CAS on the status just read: two HQ clicks (or HQ and the job) cannot both move it.
    const r = await m.update(GbCampaign, { id, status: c.status }, { status: to as CampaignStatus, updatedAt: this.now(), ...(extra.endAt ? { endAt: extra.endAt(c) } : {}) });
    if (!r.affected) throw new AppError('GROUPBUY_CAMPAIGN_STATE', 'status changed');
    return c;
  }

  private async require(m: EntityManager, id: number): Promise<GbCampaign> {
    const c = await m.findOneBy(GbCampaign, { id });
    if (!c) throw new AppError('GROUPBUY_CAMPAIGN_NOT_FOUND', `campaign ${id}`);
    return c;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
