/**
 * Choices for selects, read from HQ lists that page on the server: page after page of the largest
 * page size, up to a bound (MAX_OPTION_PAGES pages), so a select lists every store, guide or
 * active template without the list route answering an unbounded array.
 */
import type { CouponTemplateDto } from '@common/coupon/types';
import { MAX_PAGE_SIZE, type Page } from '@common/paging';
import type { GuideRow, StoreRow } from '../pages/guides/types';
import { api, call } from './client';

/** 20 pages of 50: a thousand stores, guides or templates, far past what HQ runs. */
const MAX_OPTION_PAGES = 20;

async function allPages<T>(pageOf: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; page <= MAX_OPTION_PAGES; page++) {
    const p = await pageOf(page);
    rows.push(...p.items);
    if (!p.hasMore) break;
  }
  return rows;
}

/** Every store the caller may see (a store manager: their own), in id order. */
export const allStores = (): Promise<StoreRow[]> =>
  allPages((page) => call<Page<StoreRow>>(api.GET('/api/hq/stores', { params: { query: { page, pageSize: MAX_PAGE_SIZE } } })));

/** Every coupon template (`activeOnly`: the ones that may be pushed now), newest first. */
export const couponTemplates = (activeOnly = false): Promise<CouponTemplateDto[]> =>
  allPages((page) => call<Page<CouponTemplateDto>>(api.GET('/api/hq/coupon-templates', { params: { query: { page, pageSize: MAX_PAGE_SIZE, active: activeOnly ? 'true' : undefined } } })));

/** Every guide the caller may see (a store manager: their store's), in id order; `status` keeps 在职 or 已离职 only. */
export const allGuides = (status?: GuideRow['status']): Promise<GuideRow[]> =>
  allPages((page) => call<Page<GuideRow>>(api.GET('/api/hq/guides', { params: { query: { page, pageSize: MAX_PAGE_SIZE, status } } })));
