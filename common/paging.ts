/** One page of a list, as every list route answers. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  hasMore: boolean;
  /** A big list counts its rows only up to a cap: true means there are at least `total` (shown as 「10000+」). */
  totalCapped?: boolean;
}

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;
