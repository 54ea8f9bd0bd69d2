/** 轮播图 as HQ manages them: every banner (hidden ones too) in 首页 order; add and edit. */
import type { DataSource } from 'typeorm';
import type { HqBannerDto } from '@common/catalogue/types';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { Banner, Product } from './catalogue.entities';
import type { Page } from '@common/paging';
import { containsPattern } from '../../db/like';
import { rowsPage } from '../../db/rows-page';
import type { BannerListInput } from './catalogue.schema';

export interface BannerInput {
  title: string;
  image: string;
  productId: number | null;
  sort: number;
  active: boolean;
}

const toDto = (b: Banner): HqBannerDto => ({ id: b.id, title: b.title, image: b.image, productId: b.productId, sort: b.sort, active: !!b.active });

export class BannerAdmin {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
  ) {}

  /** In 首页 order (sort, id): idx_banner_sort, or idx_banner_active_sort when filtered by shown (migration 1796205000002). */
  list(f: BannerListInput): Promise<Page<HqBannerDto>> {
    const qb = this.ds.getRepository(Banner).createQueryBuilder('b');
    if (f.active !== undefined) qb.andWhere('b.active = :active', { active: f.active });
    if (f.keyword) qb.andWhere("b.title LIKE :kw ESCAPE '!'", { kw: containsPattern(f.keyword) });
    qb.orderBy('b.sort', 'ASC').addOrderBy('b.id', 'ASC');
    return rowsPage(qb, f, (l) => l.getMany(), (rows) => rows.map(toDto));
  }

  async create(input: BannerInput): Promise<HqBannerDto> {
    const now = this.now();
    const saved = await this.tx.run(async (m) => {
      await requireProduct(m.getRepository(Product), input.productId);
      return m.save(m.create(Banner, { ...input, createdAt: now }));
    });
    return toDto(saved);
  }

  async update(id: number, patch: Partial<BannerInput>): Promise<HqBannerDto> {
    const saved = await this.tx.run(async (m) => {
      if (patch.productId !== undefined) await requireProduct(m.getRepository(Product), patch.productId);
      const res = await m.update(Banner, { id }, patch);
      if (!res.affected) throw new AppError('BANNER_NOT_FOUND', `banner ${id}`);
      return m.findOneByOrFail(Banner, { id });
    });
    return toDto(saved);
  }
}

/** A banner may open a product that exists (any status: it may be put on sale later). */
async function requireProduct(repo: { existsBy(where: { id: number }): Promise<boolean> }, id: number | null): Promise<void> {
  if (id !== null && !(await repo.existsBy({ id }))) throw new AppError('VALIDATION_FAILED', `product ${id}`, [{ field: 'productId', message: '商品不存在' }]);
}
