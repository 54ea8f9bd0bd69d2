/**
 * The nightly insight job (lease job `insight-nightly`; one run at a time across instances, and
 * the day's work claimed once: a second run the same Beijing day finds it done). Set-based, in
 * batches of member ids:
 *   1. backfill: every member has a row (members older than the module, or a lost registration);
 *   2. re-aggregate F, M, the promo count and the last paid order from insight_order (orders age
 *      out of the 365-day window every day), one UPDATE with correlated subqueries per batch;
 *   3. the medians of members with orders (the default thresholds) and the 高净值 cut (top 5 % by M);
 *   4. re-score: each batch read under lock, scored by the common rules, and written back with one
 *      UPDATE per distinct outcome (segment, tags, binding), only for rows that changed.
 */
import type { EntityManager } from 'typeorm';
import { MAX_MONETARY_FEN, recencyDays, windowStart } from '@common/insight/rfm';
import { highValueRank } from '@common/insight/tags';
import { shanghaiDate } from '@common/membership/shanghai';
import { locked } from '../../db/locked-read';
import { InsightSetting, MemberInsight } from './insight.entities';
import type { InsightCore } from './insight.ports';
import { blankRow } from './insight.rows';
import { scoringOf } from './insight.settings';
import { bool, scoreOf } from './insight.score';

/** A DATETIME from a raw query: mysql2 answers a Date, SQLite the UTC text 'YYYY-MM-DD HH:MM:SS.SSS'. */
function dbDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}Z`);
}

const BACKFILL_BATCH = 2_000;
const AGG_BATCH = 5_000;
const SCORE_BATCH = 2_000;

export interface NightlyResult {
  skipped?: 'scored-today';
  backfilled: number;
  rescored: number;
  ms: number;
}

export class InsightNightly {
  constructor(private readonly d: InsightCore) {}

  /** Once per Beijing day, or again when HQ changed the thresholds; `force` runs it regardless. */
  async run(force = false): Promise<NightlyResult> {
    const started = Date.now();
    const now = this.d.now();
    const today = shanghaiDate(now);
    const before = await this.d.settings.row();
    if (!force && before.scoredDay === today && !before.rescoreRequested) return { skipped: 'scored-today', backfilled: 0, rescored: 0, ms: Date.now() - started };
    const backfilled = await this.backfill(now);
    await this.aggregate(now);
    await this.thresholds(now);
    const rescored = await this.rescoreAll(now);
    // The request is cleared only if HQ did not change the thresholds meanwhile (updated_at unchanged).
    await this.d.ds.manager
      .createQueryBuilder()
      .update(InsightSetting)
      .set({ scoredDay: today, rescoreRequested: false })
      .where('id = 1 AND updated_at = :u', { u: before.updatedAt })
      .execute();
    await this.d.ds.manager.update(InsightSetting, { id: 1 }, { scoredDay: today });
    return { backfilled, rescored, ms: Date.now() - started };
  }

  private async backfill(now: Date): Promise<number> {
    let after = 0;
    let added = 0;
    for (;;) {
      const members = await this.d.ports.membersAfter(after, BACKFILL_BATCH);
      if (!members.length) return added;
      const first = members[0].id;
      after = members[members.length - 1].id;
      const have = new Set(
        (await this.d.ds.manager.createQueryBuilder(MemberInsight, 'i').select('i.memberId', 'id').where('i.member_id BETWEEN :first AND :after', { first, after }).getRawMany<{ id: number }>()).map((r) => Number(r.id)),
      );
      const missing = members.filter((m) => !have.has(m.id)).map((m) => blankRow(m.id, m.createdAt, now));
      // Ignored on the key: a registration handler may make the same row meanwhile.
      if (missing.length) await this.d.ds.manager.createQueryBuilder().insert().into(MemberInsight).values(missing).orIgnore().execute();
      added += missing.length;
    }
  }

  private async aggregate(now: Date): Promise<void> {
    const start = windowStart(now);
    const kept = 'o.member_id = member_insight.member_id AND o.refunded_fen < o.payable_fen';
    const inWindow = `${kept} AND o.paid_at >= :start`;
    const sum = `(SELECT COALESCE(SUM(o.payable_fen - o.refunded_fen), 0) FROM insight_order o WHERE ${inWindow})`;
    for (let lo = 0; ; ) {
      const hi = await this.upperId(lo, AGG_BATCH);
      if (hi === null) return;
      // Each member's figures from their own orders (idx_insight_order_member); M capped at the column's bound.
      await this.d.ds.manager
        .createQueryBuilder()
        .update(MemberInsight)
        .set({
          frequency: () => `(SELECT COUNT(*) FROM insight_order o WHERE ${inWindow})`,
          monetaryFen: () => `CASE WHEN ${sum} > ${MAX_MONETARY_FEN} THEN ${MAX_MONETARY_FEN} ELSE ${sum} END`,
          promoOrders: () => `(SELECT COUNT(*) FROM insight_order o WHERE ${kept} AND o.promo = 1)`,
          lastPaidAt: () => `(SELECT MAX(o.paid_at) FROM insight_order o WHERE ${kept})`,
        })
        .where('member_id > :lo AND member_id <= :hi', { lo, hi, start })
        .execute();
      lo = hi;
    }
  }

  /** The member id `size` rows after `lo` (or the last one); null when none is left. */
  private async upperId(lo: number, size: number): Promise<number | null> {
    const rows = await this.d.ds.manager.query(
      'SELECT MAX(member_id) AS hi FROM (SELECT member_id FROM member_insight WHERE member_id > ? ORDER BY member_id LIMIT ?) AS b',
      [lo, size],
    );
    return rows[0]?.hi == null ? null : Number(rows[0].hi);
  }

  /** The value at a 0-based rank of a column among some rows. */
  private async at<T>(column: string, where: string, dir: 'ASC' | 'DESC', rank: number): Promise<T | null> {
    const rows = await this.d.ds.manager.query(`SELECT ${column} AS v FROM member_insight WHERE ${where} ORDER BY ${column} ${dir} LIMIT 1 OFFSET ?`, [rank]);
    return rows.length ? (rows[0].v as T) : null;
  }

  private async count(where: string): Promise<number> {
    return Number((await this.d.ds.manager.query(`SELECT COUNT(*) AS n FROM member_insight WHERE ${where}`))[0].n);
  }

  private async thresholds(now: Date): Promise<void> {
    const withOrders = 'last_paid_at IS NOT NULL';
    const n = await this.count(withOrders);
    const lowMid = Math.floor((n - 1) / 2);
    const highMid = Math.floor(n / 2);
    const medianOf = async (column: string, dir: 'ASC' | 'DESC', toNumber: (v: unknown) => number) => {
      if (!n) return null;
      const [a, b] = [await this.at(column, withOrders, dir, lowMid), await this.at(column, withOrders, dir, highMid)];
      return Math.floor((toNumber(a) + toNumber(b)) / 2);
    };
    // The median recency: the newest-first median last payment, in days before today.
    const recency = await medianOf('last_paid_at', 'DESC', (v) => recencyDays(dbDate(v), now));
    const frequency = await medianOf('frequency', 'ASC', Number);
    const monetary = await medianOf('monetary_fen', 'ASC', Number);
    const withM = await this.count('monetary_fen > 0');
    const cut = withM ? Number(await this.at('monetary_fen', 'monetary_fen > 0', 'DESC', highValueRank(withM) - 1)) : null;
    await this.d.ds.manager.update(InsightSetting, { id: 1 }, { medRecencyDays: recency, medFrequency: frequency, medMonetaryFen: monetary, highValueFen: cut });
  }

  private async rescoreAll(now: Date): Promise<number> {
    const scoring = scoringOf(await this.d.settings.row());
    let changed = 0;
    for (let lo = 0; ; ) {
      const hi = await this.upperId(lo, SCORE_BATCH);
      if (hi === null) return changed;
      const ids = await this.idsBetween(lo, hi);
      const bindings = await this.d.ports.bindingsOf(ids);
      changed += await this.d.tx.run((m) => this.rescoreBatch(m, lo, hi, bindings, scoring, now));
      lo = hi;
    }
  }

  private async idsBetween(lo: number, hi: number): Promise<number[]> {
    const rows = await this.d.ds.manager.query('SELECT member_id AS id FROM member_insight WHERE member_id > ? AND member_id <= ?', [lo, hi]);
    return rows.map((r: { id: unknown }) => Number(r.id));
  }

  private async rescoreBatch(m: EntityManager, lo: number, hi: number, bindings: Map<number, { guideId: number; storeId: number }>, scoring: ReturnType<typeof scoringOf>, now: Date): Promise<number> {
    // Why locked: a handler may rescore one of these members meanwhile; the batch's row locks make
    // it wait for our commit (or us for its), so neither writes over the other's newer figures.
    const rows = await locked(m, m.createQueryBuilder(MemberInsight, 'i').where('i.member_id > :lo AND i.member_id <= :hi', { lo, hi })).getMany();
    const groups = new Map<string, number[]>();
    for (const r of rows) {
      const s = scoreOf(r, scoring, now);
      const b = bindings.get(r.memberId) ?? null;
      const next = { ...s, guideId: b?.guideId ?? null, storeId: b?.storeId ?? null };
      const same =
        r.segment === next.segment &&
        bool(r.tagDormant) === s.tagDormant &&
        bool(r.tagPromo) === s.tagPromo &&
        bool(r.tagNew) === s.tagNew &&
        bool(r.tagHighValue) === s.tagHighValue &&
        (r.guideId ?? null) === next.guideId &&
        (r.storeId ?? null) === next.storeId;
      if (same) continue;
      const key = JSON.stringify(next);
      const group = groups.get(key);
      if (group) group.push(r.memberId);
      else groups.set(key, [r.memberId]);
    }
    let changed = 0;
    for (const [key, ids] of groups) {
      await m.createQueryBuilder().update(MemberInsight).set({ ...JSON.parse(key), updatedAt: now }).where('member_id IN (:...ids)', { ids }).execute();
      changed += ids.length;
    }
    return changed;
  }
}
