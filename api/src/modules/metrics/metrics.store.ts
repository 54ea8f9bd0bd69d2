/**
 * The counters' writes, all inside the caller's transaction. Every change is a conditional or
 * additive UPDATE whose affected-row count is checked; a missing row is inserted (INSERT IGNORE)
 * and the UPDATE repeated, so two first writers racing both land on the one row the unique key allows.
 */
import type { EntityManager } from 'typeorm';
import { zeroDaily, zeroPeriod, type DailyCounters, type PeriodCounters } from '@common/metrics/definitions';
import { periodKeysOf } from '@common/metrics/period';
import { isUniqueViolation } from '../../db/errors';
import { MetricApplied, MetricDaily, MetricMember, MetricPeriod, type ScopeKind } from './metrics.entities';

export interface Scope {
  kind: ScopeKind;
  id: number;
}

/** The scopes a fact counts in: the chain, and the store and guide when known, always in this order (one lock order). */
export function scopesOf(storeId: number | null, guideId: number | null): Scope[] {
  const out: Scope[] = [{ kind: 'chain', id: 0 }];
  if (storeId !== null) out.push({ kind: 'store', id: storeId });
  if (guideId !== null) out.push({ kind: 'guide', id: guideId });
  return out;
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function increments(delta: Record<string, number | undefined>): Record<string, () => string> {
  const sets: Record<string, () => string> = {};
  for (const [k, v] of Object.entries(delta)) {
    if (!v) continue;
    if (!Number.isSafeInteger(v)) throw new Error(`metric delta ${k}=${v} is not an integer`);
    sets[k] = () => `${snake(k)} + ${v}`;
  }
  return sets;
}

/**
 * Records `key` as applied; false when it already was. Why: a delivery whose `done` mark was lost
 * runs again, and the key (inserted in the same transaction as its counter changes) makes the rerun a no-op.
 */
export async function applyOnce(m: EntityManager, key: string, now: Date): Promise<boolean> {
  try {
    await m.insert(MetricApplied, { applyKey: key, appliedAt: now });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export async function isApplied(m: EntityManager, key: string): Promise<boolean> {
  return m.existsBy(MetricApplied, { applyKey: key });
}

/** Adds to a day's counters in each scope (UPDATE first: the common case takes one statement and no shared lock). */
export async function bumpDaily(m: EntityManager, day: string, scopes: readonly Scope[], delta: Partial<DailyCounters>): Promise<void> {
  const sets = increments(delta);
  if (!Object.keys(sets).length) return;
  for (const s of scopes) {
    const where = { day, scopeKind: s.kind, scopeId: s.id };
    const res = await m.createQueryBuilder().update(MetricDaily).set(sets).where(where).execute();
    if (res.affected) continue;
    await m.createQueryBuilder().insert().into(MetricDaily).values({ ...where, ...zeroDaily() }).orIgnore().execute();
    const again = await m.createQueryBuilder().update(MetricDaily).set(sets).where(where).execute();
    if (again.affected !== 1) throw new Error(`metric_daily ${day} ${s.kind}:${s.id} not found after insert`);
  }
}

/** Sets some of a day's counters to absolute values (re-derivation from other modules' facts). */
export async function setDaily(m: EntityManager, day: string, s: Scope, values: Partial<DailyCounters>): Promise<void> {
  const where = { day, scopeKind: s.kind, scopeId: s.id };
  const res = await m.createQueryBuilder().update(MetricDaily).set(values).where(where).execute();
  if (res.affected) return;
  await m.createQueryBuilder().insert().into(MetricDaily).values({ ...where, ...zeroDaily() }).orIgnore().execute();
  await m.createQueryBuilder().update(MetricDaily).set(values).where(where).execute();
}

async function bumpPeriod(m: EntityManager, period: string, s: Scope, field: keyof PeriodCounters): Promise<void> {
  const where = { period, scopeKind: s.kind, scopeId: s.id };
  const sets = increments({ [field]: 1 });
  const res = await m.createQueryBuilder().update(MetricPeriod).set(sets).where(where).execute();
  if (res.affected) return;
  await m.createQueryBuilder().insert().into(MetricPeriod).values({ ...where, ...zeroPeriod() }).orIgnore().execute();
  await m.createQueryBuilder().update(MetricPeriod).set(sets).where(where).execute();
}

export interface MemberMark {
  active?: boolean;
  signedIn?: boolean;
  /** One more paid order. */
  paid?: boolean;
  /** That paid order (or a later correction) is the member's first-ever paid order. */
  firstBuy?: boolean;
  /** Reached by a guide share/card open, a WeCom add or a coupon push. */
  touched?: boolean;
}

const MEMBER_WHERE = 'period = :period AND scope_kind = :kind AND scope_id = :id AND member_id = :memberId';

/**
 * Marks a member in the day's, week's and month's rows of each scope. Each flag flips by a
 * conditional UPDATE (… AND active = 0); only the statement that flipped it (affected 1) moves the
 * period's distinct counter, so concurrent marks of one member count once.
 */
export async function markMember(m: EntityManager, day: string, scopes: readonly Scope[], memberId: number, mark: MemberMark): Promise<void> {
  for (const period of periodKeysOf(day)) {
    for (const s of scopes) {
      const params = { period, kind: s.kind, id: s.id, memberId };
      await m.createQueryBuilder().insert().into(MetricMember).values({ period, scopeKind: s.kind, scopeId: s.id, memberId, active: false, signedIn: false, paidOrders: 0, touched: false, firstBuy: false, funnel: 0 }).orIgnore().execute();
      const flip = async (set: Record<string, unknown>, cond: string) => ((await m.createQueryBuilder().update(MetricMember).set(set).where(`${MEMBER_WHERE} AND ${cond}`, params).execute()).affected ?? 0) === 1;
      let funnelMoved = false;
      // A sign-in or an order is activity too.
      if ((mark.active || mark.paid || mark.signedIn) && (await flip({ active: true }, 'active = 0'))) await bumpPeriod(m, period, s, 'activeMembers');
      if (mark.signedIn && (await flip({ signedIn: true }, 'signed_in = 0'))) await bumpPeriod(m, period, s, 'signedInMembers');
      if (mark.paid) {
        // 0 → 1 makes a paying member, 1 → 2 a repeat one; beyond 2 nothing changes (capped).
        if (await flip({ paidOrders: 1 }, 'paid_orders = 0')) await bumpPeriod(m, period, s, 'payingMembers');
        else if (await flip({ paidOrders: 2 }, 'paid_orders = 1')) await bumpPeriod(m, period, s, 'repeatMembers');
        funnelMoved = true;
      }
      if (mark.firstBuy && (await flip({ firstBuy: true }, 'first_buy = 0'))) funnelMoved = true;
      if (mark.touched && (await flip({ touched: true }, 'touched = 0'))) {
        await bumpPeriod(m, period, s, 'touchedMembers');
        funnelMoved = true;
      }
      // The funnel stage moves forward by conditional UPDATEs over the row's flags: the UPDATE reads the
      // latest committed row under its row lock, so whichever mark completes a stage counts it, once.
      if (funnelMoved) {
        if (await flip({ funnel: 1 }, 'funnel = 0 AND touched = 1 AND first_buy = 1')) await bumpPeriod(m, period, s, 'touchedFirstBuyers');
        if (await flip({ funnel: 2 }, 'funnel = 1 AND paid_orders >= 2')) await bumpPeriod(m, period, s, 'touchedRepeatBuyers');
      }
    }
  }
}

/**
 * The safety net for the distinct counters: recounts a period's counters of every scope from its
 * member rows (one grouped read by the unique index's prefix) and writes them absolutely.
 */
export async function recountPeriod(m: EntityManager, period: string): Promise<number> {
  // The funnel stage first, from the flags (so a later mark cannot count a stage the recount already did).
  await m.query(
    `UPDATE metric_member SET funnel = CASE WHEN touched = 1 AND first_buy = 1 THEN (CASE WHEN paid_orders >= 2 THEN 2 ELSE 1 END) ELSE 0 END WHERE period = ?`,
    [period],
  );
  const rows: Record<string, number | string>[] = await m.query(
    `SELECT scope_kind, scope_id, SUM(CASE WHEN active THEN 1 ELSE 0 END) AS a, SUM(CASE WHEN signed_in THEN 1 ELSE 0 END) AS s,
            SUM(CASE WHEN paid_orders >= 1 THEN 1 ELSE 0 END) AS p, SUM(CASE WHEN paid_orders >= 2 THEN 1 ELSE 0 END) AS r,
            SUM(CASE WHEN touched THEN 1 ELSE 0 END) AS t, SUM(CASE WHEN funnel >= 1 THEN 1 ELSE 0 END) AS f1, SUM(CASE WHEN funnel >= 2 THEN 1 ELSE 0 END) AS f2
       FROM metric_member WHERE period = ? GROUP BY scope_kind, scope_id`,
    [period],
  );
  for (const r of rows) {
    const where = { period, scopeKind: r.scope_kind as ScopeKind, scopeId: Number(r.scope_id) };
    const values: PeriodCounters = {
      activeMembers: Number(r.a),
      signedInMembers: Number(r.s),
      payingMembers: Number(r.p),
      repeatMembers: Number(r.r),
      touchedMembers: Number(r.t),
      touchedFirstBuyers: Number(r.f1),
      touchedRepeatBuyers: Number(r.f2),
    };
    await m.createQueryBuilder().insert().into(MetricPeriod).values({ ...where, ...zeroPeriod() }).orIgnore().execute();
    await m.createQueryBuilder().update(MetricPeriod).set(values).where(where).execute();
  }
  return rows.length;
}
