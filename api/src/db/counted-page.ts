/**
 * Paging that stays fast on big tables (HQ lists over a million orders):
 *  - the page is found by ids first (`pageIds`): with only the id selected, the ORDER BY walks a
 *    covering index and a deep OFFSET skips index entries, not rows; the caller loads just those ids;
 *  - the total is counted only up to COUNT_CAP rows (`cappedCount`), so an unfiltered list does not
 *    count a million index entries on every page; past the cap the page says `totalCapped`.
 * `hasMore` comes from reading one row more than the page, exact whatever the cap.
 */
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const COUNT_CAP = 10_000;

/** The number of rows the query matches, stopping at `cap`. */
export async function cappedCount(qb: SelectQueryBuilder<ObjectLiteral>, cap = COUNT_CAP): Promise<number> {
  const [sql, params] = qb.clone().select('1', 'one').orderBy().offset(undefined).limit(cap).getQueryAndParameters();
  const rows: { n: number | string }[] = await qb.connection.query(`SELECT COUNT(*) AS n FROM (${sql}) capped`, params);
  return Number(rows[0].n);
}

/** The ids of one page of an ordered query (`idColumn` like 'o.id'), one extra to tell whether more follow. */
export async function pageIds(qb: SelectQueryBuilder<ObjectLiteral>, idColumn: string, page: number, pageSize: number): Promise<{ ids: number[]; hasMore: boolean }> {
  const rows: { id: number | string }[] = await qb
    .clone()
    .select(idColumn, 'id')
    .offset((page - 1) * pageSize)
    .limit(pageSize + 1)
    .getRawMany();
  const ids = rows.map((r) => Number(r.id));
  return { ids: ids.slice(0, pageSize), hasMore: ids.length > pageSize };
}

/** The page's totals: exact below the cap, else at least what the caller has seen. */
export function pageTotals(count: number, page: number, pageSize: number, shown: number, hasMore: boolean, cap = COUNT_CAP): { total: number; hasMore: boolean; totalCapped?: true } {
  if (count < cap) return { total: count, hasMore };
  return { total: Math.max(count, (page - 1) * pageSize + shown + (hasMore ? 1 : 0)), hasMore, totalCapped: true };
}

/** Rows in the order of `ids` (a WHERE id IN (…) answers in any order). */
export function inIdOrder<T extends { id: number }>(ids: readonly number[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
