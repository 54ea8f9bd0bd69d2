/** Points-mall items: HQ creates and stocks them; shoppers list and open them. */
import type { DataSource } from 'typeorm';
import { describeTerms } from '@common/coupon/rules';
import type { MallItemDto } from '@common/pointsmall/types';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { loadSkusWithProducts } from '../catalogue';
import type { CouponTemplates } from '../coupons';
import { MallItem } from './pointsmall.entities';
import type { MallItemInput, MallItemListInput } from './pointsmall.schema';
import type { Page } from '@common/paging';
import { containsPattern } from '../../db/like';
import { rowsPage } from '../../db/rows-page';

const LIST_LIMIT = 200;

/** What 编辑 may change; stock only by a signed delta (below). */
const EDITABLE = ['title', 'image', 'description', 'pointsPrice', 'cashFen', 'perMemberLimit', 'active'] as const;
export type MallItemChange = Partial<Pick<MallItemInput, 'title' | 'image' | 'description' | 'pointsPrice' | 'cashFen' | 'perMemberLimit'>> & { active?: boolean; stockDelta?: number };

export class MallItems {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly templates: Pick<CouponTemplates, 'get' | 'byIds'>,
    private readonly now: () => Date,
  ) {}

  private async toDtos(items: MallItem[]): Promise<MallItemDto[]> {
    const ids = items.flatMap((i) => (i.templateId ? [i.templateId] : []));
    const templates = await this.templates.byIds(ids);
    const byId = new Map(templates.map((t) => [t.id, t]));
    return items.map((i) => {
      const t = i.templateId ? byId.get(i.templateId) : undefined;
      return {
        id: i.id, title: i.title, image: i.image, description: i.description, kind: i.kind, skuId: i.skuId, templateId: i.templateId,
        pointsPrice: i.pointsPrice, cashFen: i.cashFen, stock: i.stock, redeemedCount: i.redeemedCount, perMemberLimit: i.perMemberLimit,
        active: i.active, couponSummary: t ? describeTerms(t) : null,
      };
    });
  }

  async create(input: MallItemInput): Promise<MallItemDto> {
    if (input.kind === 'goods') {
      const { skus } = await loadSkusWithProducts(this.ds.manager, [input.skuId!]);
      if (!skus.has(input.skuId!)) throw new AppError('SKU_NOT_FOUND', `sku ${input.skuId}`, [{ field: 'skuId', message: '不存在' }]);
    } else await this.templates.get(input.templateId!);
    const now = this.now();
    const saved = await this.tx.run((m) =>
      m.save(m.create(MallItem, { ...input, skuId: input.kind === 'goods' ? input.skuId : null, templateId: input.kind === 'coupon' ? input.templateId : null, redeemedCount: 0, active: true, createdAt: now, updatedAt: now })),
    );
    return (await this.toDtos([saved]))[0];
  }

  async patch(id: number, p: MallItemChange): Promise<MallItemDto> {
    if (p.cashFen && (await this.require(id)).kind === 'coupon') throw new AppError('VALIDATION_FAILED', 'coupon with cash', [{ field: 'cashFen', message: '优惠券只能用积分兑换' }]);
    await this.tx.run(async (m) => {
      const qb = m.createQueryBuilder().update(MallItem).where('id = :id', { id });
      const set: Record<string, unknown> = { updatedAt: this.now() };
      for (const k of EDITABLE) if (p[k] !== undefined) set[k] = p[k];
      if (p.stockDelta) {
        // Why conditional: redemptions take stock meanwhile; a removal never takes it below zero.
        set.stock = () => 'stock + :delta';
        qb.andWhere('stock + :delta >= 0', { delta: p.stockDelta });
      }
      const res = await qb.set(set).execute();
      if (!res.affected) {
        await this.require(id);
        throw new AppError('VALIDATION_FAILED', 'stock below zero', [{ field: 'stockDelta', message: '库存不能小于 0' }]);
      }
    });
    return (await this.toDtos([await this.require(id)]))[0];
  }

  async require(id: number): Promise<MallItem> {
    const item = await this.ds.getRepository(MallItem).findOneBy({ id });
    if (!item) throw new AppError('MALL_ITEM_NOT_FOUND', `item ${id}`);
    return item;
  }

  /** A shopper sees active items only; any other is "not found". */
  async shopperItem(id: number): Promise<MallItemDto> {
    const item = await this.require(id);
    if (!item.active) throw new AppError('MALL_ITEM_NOT_FOUND', `item ${id}`);
    return (await this.toDtos([item]))[0];
  }

  async list(opts: { shopper: boolean }): Promise<MallItemDto[]> {
    const items = await this.ds.getRepository(MallItem).find({ where: opts.shopper ? { active: true } : {}, order: { id: 'DESC' }, take: LIST_LIMIT });
    return this.toDtos(items);
  }

  /**
   * HQ's list, newest first: the primary key alone, or (active, id) / (kind, id) with that filter
   * (migration 1796205000001), walks in order and stops after the page.
   */
  hqList(f: MallItemListInput): Promise<Page<MallItemDto>> {
    const qb = this.ds.getRepository(MallItem).createQueryBuilder('i');
    if (f.active !== undefined) qb.andWhere('i.active = :active', { active: f.active });
    if (f.kind) qb.andWhere('i.kind = :kind', { kind: f.kind });
    if (f.keyword) qb.andWhere("i.title LIKE :kw ESCAPE '!'", { kw: containsPattern(f.keyword) });
    qb.orderBy('i.id', 'DESC');
    return rowsPage(qb, f, (l) => l.getMany(), (rows) => this.toDtos(rows));
  }
}
