/** Catalogue reads: home, categories, product lists and detail. */
import type { CategoryDto, HomeDto, ProductCardDto, ProductDetailDto, ProductSort } from '@common/catalogue/types';
import type { Page } from '@common/paging';
import { request } from './http';

export interface ProductQuery {
  categoryId?: number;
  keyword?: string;
  sort?: ProductSort;
}

export function fetchHome(): Promise<HomeDto> {
  return request<HomeDto>('GET', '/api/home');
}

export function fetchCategories(): Promise<CategoryDto[]> {
  return request<CategoryDto[]>('GET', '/api/categories');
}

/** Page `page` of the products for `query` (the shape usePaged asks for). */
export function fetchProducts(query: ProductQuery, page = 1, pageSize?: number): Promise<Page<ProductCardDto>> {
  return request<Page<ProductCardDto>>('GET', '/api/products', {
    query: { categoryId: query.categoryId, keyword: query.keyword?.trim(), sort: query.sort, page, pageSize },
  });
}

export function fetchProduct(id: number): Promise<ProductDetailDto> {
  return request<ProductDetailDto>('GET', `/api/products/${encodeURIComponent(String(id))}`);
}
