/**
 * The property test's recount: every counter of metric_daily and metric_period computed afresh from
 * the raw rows (orders through the orders module's port; touches, WeCom contacts, coupon copies,
 * points entries, POS sales and returns by plain SQL), grouped as the aggregates are, and the
 * aggregates read back in the same shape (all-zero rows left out).
 */
import { periodKeysOf, beijingDay } from '@common/metrics/period';
import type { TestApp } from '../../../test/harness';
import { MetricDaily, MetricPeriod } from './metrics.entities';

export const DAILY_COLS = ['paidOrders', 'gmvFen', 'refundFen', 'guideOrders', 'guideGmvFen', 'firstPurchases', 'touches', 'couponsUsed', 'firstBuyersAddedGuide', 'offlineSales', 'offlineGmvFen', 'offlineReturnFen'] as const;
/** Set by the refresh and nightly jobs from the coupons and points modules (absolute values per day, chain only). */
export const JOB_COLS = ['couponsIssued', 'pointsEarned', 'pointsUsed'] as const;
export const PERIOD_COLS = ['payingMembers', 'repeatMembers', 'touchedMembers', 'touchedFirstBuyers', 'touchedRepeatBuyers'] as const;

type Row = Record<string, number>;
export interface Counts {
  daily: Record<string, Row>;
  periods: Record<string, Row>;
}

const n = (v: unknown) => Number(v ?? 0);
const time = (v: unknown) => (v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}Z`));

class Tally {
  readonly daily = new Map<string, Row>();
  add(day: string, scopes: readonly string[], col: string, by = 1): void {
    for (const sc of scopes) {
      const k = `${day}|${sc}`;
      const row = this.daily.get(k) ?? {};
      row[col] = (row[col] ?? 0) + by;
      this.daily.set(k, row);
    }
  }
}

const nonZero = (m: Map<string, Row>, cols: readonly string[]): Record<string, Row> => {
  const out: Record<string, Row> = {};
  for (const [k, r] of m) {
    const v = Object.fromEntries(cols.map((c) => [c, r[c] ?? 0]));
    if (cols.some((c) => v[c] !== 0)) out[k] = v;
  }
  return out;
};

export async function recount(app: TestApp, storeOf: ReadonlyMap<number, number>, until: Date): Promise<Counts & { jobs: Record<string, Row> }> {
  const scopesOf = (guideId: number | null, storeId = guideId === null ? null : storeOf.get(guideId)) => ['chain:0', ...(storeId ? [`store:${storeId}`] : []), ...(guideId ? [`guide:${guideId}`] : [])];
  const paid = (await app.services.orderFacts.paidBetween(new Date(0), until, null)).sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || a.id - b.id);
  const adjustments = new Map((await app.services.orderFacts.byIds(paid.map((o) => o.id))).map((o) => [o.id, o.adjustments ?? []]));
  const contacts: { member_id: unknown; guide_id: unknown; status: string; added_at: unknown }[] = await app.ds.query('SELECT member_id, guide_id, status, added_at FROM wecom_contact WHERE member_id IS NOT NULL');
  const t = new Tally();
  const perMember = new Map<string, number>(); // period|scope|member → paid orders
  const firstBuy = new Set<string>(); // period|scope|member
  const seen = new Set<number>();
  for (const o of paid) {
    const day = beijingDay(o.paidAt);
    const scopes = scopesOf(o.guideId);
    const first = !seen.has(o.memberId);
    seen.add(o.memberId);
    t.add(day, scopes, 'paidOrders');
    t.add(day, scopes, 'gmvFen', o.payableFen);
    t.add(day, scopes, 'refundFen', o.refundedFen);
    if (o.guideId) t.add(day, scopes, 'guideOrders');
    if (o.guideId) t.add(day, scopes, 'guideGmvFen', o.payableFen);
    if (first) t.add(day, scopes, 'firstPurchases');
    if (first && contacts.some((c) => n(c.member_id) === o.memberId && (c.status === 'added' || time(c.added_at) >= o.paidAt))) t.add(day, scopes, 'firstBuyersAddedGuide');
    t.add(day, scopes, 'couponsUsed', (adjustments.get(o.id) ?? []).filter((a) => a.kind === 'coupon').length);
    for (const p of periodKeysOf(day))
      for (const sc of scopes) {
        perMember.set(`${p}|${sc}|${o.memberId}`, (perMember.get(`${p}|${sc}|${o.memberId}`) ?? 0) + 1);
        if (first) firstBuy.add(`${p}|${sc}|${o.memberId}`);
      }
  }

  // Touches: share/card opens and WeCom adds of known members.
  const touched = new Set<string>();
  const touches: { member_id: unknown; guide_id: unknown; at: unknown }[] = [
    ...(await app.ds.query('SELECT member_id, guide_id, created_at AS at FROM guide_touch')),
    ...contacts.map((c) => ({ member_id: c.member_id, guide_id: c.guide_id, at: c.added_at })),
  ];
  for (const x of touches) {
    const day = beijingDay(time(x.at));
    const scopes = scopesOf(n(x.guide_id));
    t.add(day, scopes, 'touches');
    for (const p of periodKeysOf(day)) for (const sc of scopes) touched.add(`${p}|${sc}|${n(x.member_id)}`);
  }

  // Offline: sales on their day, returns on theirs, both in the sale's store and guide.
  for (const s of await app.ds.query('SELECT store_id, guide_id, payable_fen, day FROM pos_sale')) {
    const scopes = scopesOf(s.guide_id === null ? null : n(s.guide_id), n(s.store_id));
    t.add(s.day, scopes, 'offlineSales');
    t.add(s.day, scopes, 'offlineGmvFen', n(s.payable_fen));
  }
  for (const r of await app.ds.query('SELECT s.store_id, s.guide_id, r.amount_fen, r.day FROM pos_return r JOIN pos_sale s ON s.id = r.sale_id')) {
    t.add(r.day, scopesOf(r.guide_id === null ? null : n(r.guide_id), n(r.store_id)), 'offlineReturnFen', n(r.amount_fen));
  }

  const periods = new Map<string, Row>();
  const bump = (key: string, col: string) => {
    const row = periods.get(key) ?? {};
    row[col] = (row[col] ?? 0) + 1;
    periods.set(key, row);
  };
  for (const [k, count] of perMember) {
    const key = k.split('|').slice(0, 2).join('|');
    bump(key, 'payingMembers');
    if (count >= 2) bump(key, 'repeatMembers');
  }
  for (const k of touched) {
    const key = k.split('|').slice(0, 2).join('|');
    bump(key, 'touchedMembers');
    if (firstBuy.has(k)) bump(key, 'touchedFirstBuyers');
    if (firstBuy.has(k) && (perMember.get(k) ?? 0) >= 2) bump(key, 'touchedRepeatBuyers');
  }

  // The chain's coupon copies and points flow per day.
  const jobs = new Tally();
  for (const c of await app.ds.query('SELECT received_at FROM member_coupon')) jobs.add(beijingDay(time(c.received_at)), ['chain:0'], 'couponsIssued');
  for (const e of await app.ds.query("SELECT kind, points, created_at FROM points_entry WHERE kind IN ('earn', 'signin', 'referral', 'grant', 'spend')")) {
    jobs.add(beijingDay(time(e.created_at)), ['chain:0'], e.kind === 'spend' ? 'pointsUsed' : 'pointsEarned', Math.abs(n(e.points)));
  }
  return { daily: nonZero(t.daily, DAILY_COLS), periods: nonZero(periods, PERIOD_COLS), jobs: nonZero(jobs.daily, JOB_COLS) };
}

export async function aggregates(app: TestApp): Promise<Counts & { jobs: Record<string, Row> }> {
  const daily = new Map<string, Row>();
  for (const r of await app.ds.manager.find(MetricDaily)) daily.set(`${r.day}|${r.scopeKind}:${r.scopeId}`, Object.fromEntries([...DAILY_COLS, ...JOB_COLS].map((c) => [c, Number(r[c])])));
  const periods = new Map<string, Row>();
  for (const r of await app.ds.manager.find(MetricPeriod)) periods.set(`${r.period}|${r.scopeKind}:${r.scopeId}`, Object.fromEntries(PERIOD_COLS.map((c) => [c, Number(r[c])])));
  return { daily: nonZero(daily, DAILY_COLS), periods: nonZero(periods, PERIOD_COLS), jobs: nonZero(daily, JOB_COLS) };
}
