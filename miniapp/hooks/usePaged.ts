/**
 * The one paged list of the mini-program (products on 首页/分类/搜索, orders, points entries,
 * coupons, redemptions): first page on `reload`, `loadMore` for the next, and answers of
 * superseded queries dropped (a fast tab or sort switch must not let an older, slower response
 * overwrite the newer list). A list the API answers whole is one page: see `onePage`.
 */
import { useCallback, useRef, useState } from 'react';
import type { Page } from '@common/paging';
import { messageOf } from '../services/http';

export type ListStatus = 'idle' | 'loading' | 'more' | 'done' | 'error';

/** Fetches page `page` (from 1) of the list for `query`. */
export type PageFetcher<Q, P extends Page<unknown>> = (query: Q, page: number, pageSize: number) => Promise<P>;

export interface Paged<Q, P extends Page<unknown>> {
  items: P['items'];
  status: ListStatus;
  hasMore: boolean;
  total: number;
  error: string | null;
  /** The latest answer (for what a list route sends beside its items, e.g. the points summary). */
  last: P | null;
  /** Starts over with a new query (or the last one). */
  reload: (query?: Q) => Promise<void>;
  loadMore: () => Promise<void>;
}

/** A whole list as its only page, for routes that answer an array. */
export function onePage<T>(items: T[]): Page<T> {
  return { items, page: 1, pageSize: items.length, total: items.length, hasMore: false };
}

export function usePaged<Q, P extends Page<unknown>>(fetchPage: PageFetcher<Q, P>, initialQuery: NoInfer<Q>, pageSize = 20): Paged<Q, P> {
  const [items, setItems] = useState<P['items']>([]);
  const [status, setStatus] = useState<ListStatus>('idle');
  const [hasMore, setHasMore] = useState(false);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<P | null>(null);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const query = useRef<Q>(initialQuery);
  const page = useRef(0);
  const generation = useRef(0);
  const busy = useRef(false);

  const load = useCallback(
    async (nextPage: number) => {
      const gen = generation.current;
      busy.current = true;
      setStatus(nextPage === 1 ? 'loading' : 'more');
      setError(null);
      try {
        const result = await fetcher.current(query.current, nextPage, pageSize);
        if (gen !== generation.current) return;
        page.current = result.page;
        setItems((prev) => (nextPage === 1 ? result.items : [...prev, ...result.items]));
        setHasMore(result.hasMore);
        setTotal(result.total);
        setLast(result);
        setStatus('done');
      } catch (e) {
        if (gen !== generation.current) return;
        setError(messageOf(e));
        setStatus('error');
      } finally {
        if (gen === generation.current) busy.current = false;
      }
    },
    [pageSize],
  );

  const reload = useCallback(
    async (next?: Q) => {
      generation.current += 1;
      if (next !== undefined) {
        // A different list: do not leave the previous one on screen under the new heading.
        query.current = next;
        setItems([]);
      }
      page.current = 0;
      setHasMore(false);
      await load(1);
    },
    [load],
  );

  const loadMore = useCallback(async () => {
    if (busy.current || !hasMore) return;
    await load(page.current + 1);
  }, [hasMore, load]);

  return { items, status, hasMore, total, error, last, reload, loadMore };
}
