/** The catalogue as shoppers (and HQ lists) read it. */
import type { DataSource } from 'typeorm';
import type { CategoryDto, HomeDto, ProductCardDto, ProductDetailDto, ProductSort, ProductStatus } from '@common/catalogue/types';
import type { Page } from '@common/paging';
import { AppError } from '../../http/app-error';
import { Banner, Category, Product, Sku } from './catalogue.entities';
import { toBannerDto, toCardDto, toCategoryDto, toDetailDto } from './catalogue.mappers';

export interface ProductQuery {
  categoryId?: number;
  keyword?: string;
  sort: ProductSort;
  page: number;
  pageSize: number;
  statuses: ProductStatus[];
}

const ORDER: Record<ProductSort, [string, 'ASC' | 'DESC']> = {
  newest: ['p.createdAt', 'DESC'],
  price_asc: ['p.minPriceFen', 'ASC'],
  price_desc: ['p.minPriceFen', 'DESC'],
  sales: ['p.salesCount', 'DESC'],
};

/** Escapes LIKE wildcards so a search for "100%" or "_" matches those characters literally. */
function likePattern(keyword: string): string {
  return `%${keyword.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

export class CatalogueService {
  constructor(private readonly ds: DataSource) {}

  async home(): Promise<HomeDto> {
    const [banners, categories] = await Promise.all([
      this.ds.getRepository(Banner).find({ where: { active: true }, order: { sort: 'ASC', id: 'ASC' }, take: 10 }),
      this.categories(),
    ]);
    return { banners: banners.map(toBannerDto), categories };
  }

  async categories(): Promise<CategoryDto[]> {
    const rows = await this.ds.getRepository(Category).find({ order: { sort: 'ASC', id: 'ASC' } });
    return rows.map(toCategoryDto);
  }

  async requireCategory(id: number): Promise<Category> {
    const category = await this.ds.getRepository(Category).findOneBy({ id });
    if (!category) throw new AppError('CATEGORY_NOT_FOUND', `category ${id}`);
    return category;
  }

  async listProducts(q: ProductQuery): Promise<Page<ProductCardDto>> {
    if (q.categoryId !== undefined) await this.requireCategory(q.categoryId);
    const qb = this.ds.getRepository(Product).createQueryBuilder('p').where('p.status IN (:...statuses)', { statuses: q.statuses });
    if (q.categoryId !== undefined) qb.andWhere('p.categoryId = :categoryId', { categoryId: q.categoryId });
    if (q.keyword) {
      // Bound parameter plus escaped wildcards: search text is data, never SQL.
      qb.andWhere("(p.title LIKE :kw ESCAPE '!' OR p.subtitle LIKE :kw ESCAPE '!' OR p.tags LIKE :kw ESCAPE '!')", {
        kw: likePattern(q.keyword),
      });
    }
    const [column, direction] = ORDER[q.sort];
    qb.orderBy(column, direction)
      .addOrderBy('p.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toCardDto), page: q.page, pageSize: q.pageSize, total, hasMore: q.page * q.pageSize < total };
  }

  /**
   * A product with its SKUs. Shoppers see only on-sale products and SKUs; anything else is a 404,
   * the same answer as for an id that never existed.
   */
  async productDetail(id: number, opts: { shopper: boolean }): Promise<ProductDetailDto> {
    const product = await this.ds.getRepository(Product).findOneBy({ id });
    if (!product || (opts.shopper && product.status !== 'on_sale')) throw new AppError('PRODUCT_NOT_FOUND', `product ${id}`);
    const skus = await this.ds.getRepository(Sku).find({
      where: opts.shopper ? { productId: id, status: 'on_sale' } : { productId: id },
      order: { id: 'ASC' },
    });
    return toDetailDto(product, skus);
  }
}
