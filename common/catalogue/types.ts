/** Catalogue DTOs: what the API answers and the mini-program renders. Money is integer fen. */

export const PRODUCT_STATUSES = ['draft', 'on_sale', 'off_sale'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const SKU_STATUSES = ['on_sale', 'off_sale'] as const;
export type SkuStatus = (typeof SKU_STATUSES)[number];

export const PRODUCT_SORTS = ['newest', 'price_asc', 'price_desc', 'sales'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** A spec dimension of a product, e.g. { name: '颜色', values: ['白色', '黑色'] }. */
export interface SpecDef {
  name: string;
  values: string[];
}

/** The spec values one SKU has, e.g. { 颜色: '白色', 尺码: 'M' }. */
export type SkuSpecs = Record<string, string>;

export interface CategoryDto {
  id: number;
  name: string;
  icon: string | null;
  sort: number;
}

export interface SkuDto {
  id: number;
  specs: SkuSpecs;
  priceFen: number;
  originalPriceFen: number | null;
  stock: number;
  status: SkuStatus;
}

/** A product as a grid or list card shows it. */
export interface ProductCardDto {
  id: number;
  categoryId: number;
  title: string;
  subtitle: string;
  cover: string;
  tags: string[];
  /** The lowest on-sale SKU price ("¥59 起"). */
  priceFen: number;
  originalPriceFen: number | null;
  salesCount: number;
}

export interface ProductDetailDto extends ProductCardDto {
  images: string[];
  description: string;
  specs: SpecDef[];
  skus: SkuDto[];
  status: ProductStatus;
  totalStock: number;
}

export interface BannerDto {
  id: number;
  title: string;
  image: string;
  productId: number | null;
}

export interface HomeDto {
  banners: BannerDto[];
  categories: CategoryDto[];
}

/** A 首页 banner as HQ manages it: hidden ones included, with their order. */
export interface HqBannerDto extends BannerDto {
  sort: number;
  active: boolean;
}

/** A product card in HQ's list: with its status (草稿, 在售, 已下架). */
export interface HqProductCardDto extends ProductCardDto {
  status: ProductStatus;
}

/** One change of a SKU's stock (HQ's adjustments and campaign allocations), newest first. */
export interface StockMoveDto {
  id: number;
  delta: number;
  stockAfter: number;
  reason: string;
  adminId: number | null;
  createdAt: string;
}
