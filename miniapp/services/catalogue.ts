/** Catalogue reads: home, categories, product lists and detail. */
import type { CategoryDto, HomeDto, ProductCardDto, ProductDetailDto, ProductSort } from '@common/catalogue/types';
import type { Page } from '@common/paging';
import { request } from './http';

export interface ProductQuery {
  categoryId?: number;
  keyword?: string;
  sort?: ProductSort;
  page?: number;
  pageSize?: number;
}

export function fetchHome(): Promise<HomeDto> {
  return request<HomeDto>('GET', '/api/home');
}

export function fetchCategories(): Promise<CategoryDto[]> {
  return request<CategoryDto[]>('GET', '/api/categories');
}

export function fetchProducts(query: ProductQuery): Promise<Page<ProductCardDto>> {
  return request<Page<ProductCardDto>>('GET', '/api/products', {
    query: {
      categoryId: query.categoryId,
      keyword: query.keyword?.trim(),
      sort: query.sort,
      page: query.page ?? 1,
      pageSize: query.pageSize,
    },
  });
}

export function fetchProduct(id: number): Promise<ProductDetailDto> {
  return request<ProductDetailDto>('GET', `/api/products/${encodeURIComponent(String(id))}`);
}
