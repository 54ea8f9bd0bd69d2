/**
 * Checkout's one member read: the parts contributors declare (memberRead: the member's tier and
 * the membership settings, the guide binding, the recent touches and the attribution rule
 * version …) sent as a single UNION ALL statement before the quotes run, instead of one round
 * trip each. Each part keeps its own SQL and parses its own rows; checkout names no table. The
 * order's address joins the same statement as a part the address module writes.
 */
import type { EntityManager } from 'typeorm';
import type { CheckoutContributors, MemberRow } from './contributor';

const NAME = /^[a-z][a-z0-9-]*$/;

/** A part checkout itself adds to the read (the order's address), its parameters already bound. */
export interface BoundReadPart {
  name: string;
  sql: string;
  params: unknown[];
}

export async function readMember(m: EntityManager, contributors: CheckoutContributors, memberId: number, now: Date, extra: readonly BoundReadPart[] = []): Promise<ReadonlyMap<string, MemberRow[]> | undefined> {
  const parts: BoundReadPart[] = [
    ...contributors.ordered.flatMap((c) => (c.memberRead ? [{ name: c.name, sql: c.memberRead.sql, params: c.memberRead.params(memberId, now) }] : [])),
    ...extra,
  ];
  if (!parts.length) return undefined;
  // The part's name tags its rows; names are code, checked anyway since they become SQL.
  for (const c of parts) if (!NAME.test(c.name)) throw new Error(`part name ${c.name} cannot tag a member read`);
  const sql = parts.map((c) => `SELECT '${c.name}' AS c, r.* FROM (${c.sql}) r`).join(' UNION ALL ');
  const params = parts.flatMap((c) => c.params);
  const rows = (await m.query(sql, params)) as (MemberRow & { c: string })[];
  const byName = new Map<string, MemberRow[]>(parts.map((c) => [c.name, []]));
  for (const { c, ...row } of rows) {
    byName.get(c)?.push({ ...row, n1: num(row.n1), n2: num(row.n2), n3: num(row.n3) });
  }
  return byName;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
