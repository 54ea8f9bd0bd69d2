/**
 * The shopper's hottest reads (home, product list, product detail) as plain SQL with typed rows:
 * each reads only the columns its answer shows (a card never reads description or specs), and
 * rows go straight to DTOs without TypeORM building entities first — on a list that hydration
 * cost more than the query. Column aliases are camelCase so a row reads like the entity it
 * comes from; JSON columns arrive as TEXT on both databases.
 */
import type { BannerDto, CategoryDto, ProductCardDto, ProductDetailDto, ProductStatus, SkuDto, SkuSpecs, SkuStatus, SpecDef } from '@common/catalogue/types';

type Json<T> = string & { readonly __json?: T };
const parse = <T>(text: Json<T>): T => JSON.parse(text) as T;

export const CATEGORY_COLUMNS = 'id, name, icon, sort';
export type CategoryRow = CategoryDto;

export const BANNER_COLUMNS = 'id, title, image, product_id AS productId';
export type BannerRow = BannerDto;

/** What a product card shows; the list's SELECT names exactly these. */
export const CARD_COLUMNS =
  'p.id, p.category_id AS categoryId, p.title, p.subtitle, p.images, p.tags, p.min_price_fen AS minPriceFen, ' +
  'p.min_original_price_fen AS minOriginalPriceFen, p.sales_count AS salesCount';
export interface CardRow {
  id: number;
  categoryId: number;
  title: string;
  subtitle: string;
  images: Json<string[]>;
  tags: Json<string[]>;
  minPriceFen: number;
  minOriginalPriceFen: number | null;
  salesCount: number;
}

export const DETAIL_COLUMNS = `${CARD_COLUMNS}, p.description, p.specs, p.status`;
export interface DetailRow extends CardRow {
  description: string;
  specs: Json<SpecDef[]>;
  status: ProductStatus;
}

export const SKU_COLUMNS = 'id, specs, price_fen AS priceFen, original_price_fen AS originalPriceFen, stock, status';
export interface SkuRow {
  id: number;
  specs: Json<SkuSpecs>;
  priceFen: number;
  originalPriceFen: number | null;
  stock: number;
  status: SkuStatus;
}

function cardOf(r: CardRow, images: string[]): ProductCardDto {
  return {
    id: r.id,
    categoryId: r.categoryId,
    title: r.title,
    subtitle: r.subtitle,
    cover: images[0] ?? '',
    tags: parse(r.tags),
    priceFen: r.minPriceFen,
    originalPriceFen: r.minOriginalPriceFen,
    salesCount: r.salesCount,
  };
}

export const cardFromRow = (r: CardRow): ProductCardDto => cardOf(r, parse(r.images));

export const skuFromRow = (s: SkuRow): SkuDto => ({ ...s, specs: parse(s.specs) });

export function detailFromRows(p: DetailRow, skuRows: SkuRow[]): ProductDetailDto {
  const images = parse(p.images);
  const skus = skuRows.map(skuFromRow);
  return {
    ...cardOf(p, images),
    images,
    description: p.description,
    specs: parse(p.specs),
    skus,
    status: p.status,
    totalStock: skus.filter((s) => s.status === 'on_sale').reduce((n, s) => n + s.stock, 0),
  };
}
