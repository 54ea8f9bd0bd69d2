/**
 * One paged product list (home grid, category column, search results): first page on demand,
 * `loadMore` for the next, and answers of superseded queries dropped (a fast sort switch must not
 * let an older, slower response overwrite the newer list).
 */
import { useCallback, useRef, useState } from 'react';
import type { ProductCardDto } from '@common/catalogue/types';
import { fetchProducts, type ProductQuery } from '../services/catalogue';
import { messageOf } from '../services/http';

export type ListStatus = 'idle' | 'loading' | 'more' | 'done' | 'error';

export interface PagedProducts {
  items: ProductCardDto[];
  status: ListStatus;
  hasMore: boolean;
  total: number;
  error: string | null;
  /** Starts over with a new query (or the last one). */
  reload: (query?: ProductQuery) => Promise<void>;
  loadMore: () => Promise<void>;
}

const PAGE_SIZE = 20;

export function usePagedProducts(): PagedProducts {
  const [items, setItems] = useState<ProductCardDto[]>([]);
  const [status, setStatus] = useState<ListStatus>('idle');
  const [hasMore, setHasMore] = useState(false);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const query = useRef<ProductQuery>({});
  const page = useRef(0);
  const generation = useRef(0);
  const busy = useRef(false);

  const load = useCallback(async (nextPage: number) => {
    const gen = generation.current;
    busy.current = true;
    setStatus(nextPage === 1 ? 'loading' : 'more');
    setError(null);
    try {
      const result = await fetchProducts({ ...query.current, page: nextPage, pageSize: PAGE_SIZE });
      if (gen !== generation.current) return;
      page.current = result.page;
      setItems((prev) => (nextPage === 1 ? result.items : [...prev, ...result.items]));
      setHasMore(result.hasMore);
      setTotal(result.total);
      setStatus('done');
    } catch (e) {
      if (gen !== generation.current) return;
      setError(messageOf(e));
      setStatus('error');
    } finally {
      if (gen === generation.current) busy.current = false;
    }
  }, []);

  const reload = useCallback(
    async (next?: ProductQuery) => {
      generation.current += 1;
      if (next) {
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

  return { items, status, hasMore, total, error, reload, loadMore };
}
