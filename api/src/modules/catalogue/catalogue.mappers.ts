import type { BannerDto, CategoryDto, ProductCardDto, ProductDetailDto, SkuDto } from '@common/catalogue/types';
import type { Banner, Category, Product, Sku } from './catalogue.entities';

export const toCategoryDto = (c: Category): CategoryDto => ({ id: c.id, name: c.name, icon: c.icon, sort: c.sort });

export const toBannerDto = (b: Banner): BannerDto => ({ id: b.id, title: b.title, image: b.image, productId: b.productId });

export const toSkuDto = (s: Sku): SkuDto => ({
  id: s.id,
  specs: s.specs,
  priceFen: s.priceFen,
  originalPriceFen: s.originalPriceFen,
  stock: s.stock,
  status: s.status,
});

export const toCardDto = (p: Product): ProductCardDto => ({
  id: p.id,
  categoryId: p.categoryId,
  title: p.title,
  subtitle: p.subtitle,
  cover: p.images[0] ?? '',
  tags: p.tags,
  priceFen: p.minPriceFen,
  originalPriceFen: p.minOriginalPriceFen,
  salesCount: p.salesCount,
});

export function toDetailDto(p: Product, skus: Sku[]): ProductDetailDto {
  return {
    ...toCardDto(p),
    images: p.images,
    description: p.description,
    specs: p.specs,
    skus: skus.map(toSkuDto),
    status: p.status,
    totalStock: skus.filter((s) => s.status === 'on_sale').reduce((n, s) => n + s.stock, 0),
  };
}
