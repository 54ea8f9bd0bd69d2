/** Entity → DTO for HQ's writes, which hold entities anyway; the shopper's reads map rows (catalogue.rows.ts). */
import type { CategoryDto, SkuDto } from '@common/catalogue/types';
import type { Category, Sku } from './catalogue.entities';

export const toCategoryDto = (c: Category): CategoryDto => ({ id: c.id, name: c.name, icon: c.icon, sort: c.sort });

export const toSkuDto = (s: Sku): SkuDto => ({
  id: s.id,
  specs: s.specs,
  priceFen: s.priceFen,
  originalPriceFen: s.originalPriceFen,
  stock: s.stock,
  status: s.status,
});
