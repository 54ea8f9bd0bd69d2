/**
 * One page of a small HQ list (campaigns, mall items, banners, stuck deliveries): the query is
 * already filtered and ordered by an indexed column; this reads one row more than the page to tell
 * `hasMore`, and counts the matches up to COUNT_CAP (counted-page.ts).
 */
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Page } from '@common/paging';
import { cappedCount, pageTotals } from './counted-page';

export interface PageQuery {
  page: number;
  pageSize: number;
}

/**
 * Page `q` of `qb`: `read` fetches the limited query (entities or raw rows), `toDto` maps the page
 * (and may read more, once per page).
 */
export async function rowsPage<E extends ObjectLiteral, R, D>(
  qb: SelectQueryBuilder<E>,
  q: PageQuery,
  read: (limited: SelectQueryBuilder<E>) => Promise<R[]>,
  toDto: (rows: R[]) => Promise<D[]> | D[],
): Promise<Page<D>> {
  const [rows, count] = await Promise.all([
    read(
      qb
        .clone()
        .offset((q.page - 1) * q.pageSize)
        .limit(q.pageSize + 1),
    ),
    cappedCount(qb as unknown as SelectQueryBuilder<ObjectLiteral>),
  ]);
  const shown = rows.slice(0, q.pageSize);
  return { items: await toDto(shown), page: q.page, pageSize: q.pageSize, ...pageTotals(count, q.page, q.pageSize, shown.length, rows.length > q.pageSize) };
}
