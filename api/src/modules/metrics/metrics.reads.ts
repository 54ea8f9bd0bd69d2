/**
 * What the console reads: series of every metric per day/week/month for one scope, the store and
 * guide leaderboards, and the alerts of the last days. Aggregates only (never the orders), in
 * chunks, so a CSV export writes rows as they are read.
 */
import { Between, In, LessThan, type DataSource } from 'typeorm';
import { addDaily, DAILY_COUNTERS, metricsOf, PERIOD_COUNTERS, zeroDaily, zeroPeriod, type DailyCounters, type MetricValues, type PeriodCounters } from '@common/metrics/definitions';
import { addDays, bucketDays, bucketsBetween, daysBetween, periodKey, today, type Grain } from '@common/metrics/period';
import { alertsOfDay, type AlertFinding } from '@common/metrics/targets';
import { MetricDaily, MetricPeriod, type ScopeKind } from './metrics.entities';
import type { Scope } from './metrics.store';

export type SeriesRow = { bucket: string; first: string; last: string } & DailyCounters & PeriodCounters & MetricValues & { membersToDate: number };

/** Buckets read per query: a month of days, a quarter of weeks, a year of months. */
const CHUNK: Record<Grain, number> = { day: 31, week: 13, month: 12 };

function dailyOf(r: MetricDaily): DailyCounters {
  const out = zeroDaily();
  for (const k of DAILY_COUNTERS) out[k] = Number(r[k]);
  return out;
}

function periodOf(r: MetricPeriod | undefined): PeriodCounters {
  const out = zeroPeriod();
  if (r) for (const k of PERIOD_COUNTERS) out[k] = Number(r[k]);
  return out;
}

export class MetricsReads {
  constructor(private readonly ds: DataSource) {}

  /** Members to date of a scope before a day (the running total's start). */
  private async membersBefore(s: Scope, day: string): Promise<number> {
    const row: { n: string | number | null } | undefined = await this.ds.manager
      .createQueryBuilder(MetricDaily, 'd')
      .select('SUM(d.newMembers)', 'n')
      .where({ scopeKind: s.kind, scopeId: s.id, day: LessThan(day) })
      .getRawOne();
    return Number(row?.n ?? 0);
  }

  /** Every bucket from `from` to `to` (inclusive days) at a grain, in order, read chunk by chunk. */
  async *series(s: Scope, grain: Grain, from: string, to: string): AsyncGenerator<SeriesRow> {
    const buckets = bucketsBetween(from, to, grain);
    let members = await this.membersBefore(s, bucketDays(buckets[0] ?? from, grain).first);
    for (let i = 0; i < buckets.length; i += CHUNK[grain]) {
      const chunk = buckets.slice(i, i + CHUNK[grain]);
      const first = bucketDays(chunk[0], grain).first;
      const last = bucketDays(chunk[chunk.length - 1], grain).last;
      const days = await this.ds.manager.find(MetricDaily, { where: { scopeKind: s.kind, scopeId: s.id, day: Between(first, last) } });
      const keys = chunk.map((b) => periodKey(bucketDays(b, grain).first, grain));
      const periods = new Map((await this.ds.manager.find(MetricPeriod, { where: { scopeKind: s.kind, scopeId: s.id, period: In(keys) } })).map((p) => [p.period, p]));
      for (const b of chunk) {
        const span = bucketDays(b, grain);
        let d = zeroDaily();
        for (const r of days) if (r.day >= span.first && r.day <= span.last) d = addDaily(d, dailyOf(r));
        const pr = periods.get(periodKey(span.first, grain));
        const p = periodOf(pr);
        members += d.newMembers;
        yield { bucket: b, first: span.first, last: span.last, ...d, ...p, ...metricsOf(d, p, members), membersToDate: members };
      }
    }
  }

  async seriesList(s: Scope, grain: Grain, from: string, to: string): Promise<SeriesRow[]> {
    const out: SeriesRow[] = [];
    for await (const r of this.series(s, grain, from, to)) out.push(r);
    return out;
  }

  /** Daily counters of one scope kind over [from, to] (optionally only some ids), summed by `by` (the scope or the day). */
  private async summed(kind: ScopeKind, by: 'scopeId' | 'day', from: string, to: string, ids: readonly number[] | null): Promise<({ key: string } & DailyCounters)[]> {
    if (ids && !ids.length) return [];
    const qb = this.ds.manager
      .createQueryBuilder(MetricDaily, 'd')
      .select(`d.${by}`, 'key')
      .where('d.scopeKind = :kind AND d.day BETWEEN :from AND :to', { kind, from, to })
      .groupBy(`d.${by}`);
    for (const k of DAILY_COUNTERS) qb.addSelect(`SUM(d.${k})`, k);
    if (ids) qb.andWhere('d.scopeId IN (:...ids)', { ids: [...ids] });
    const rows: Record<string, string | number>[] = await qb.getRawMany();
    return rows.map((r) => {
      const d = zeroDaily();
      for (const k of DAILY_COUNTERS) d[k] = Number(r[k] ?? 0);
      return { key: String(r.key), ...d };
    });
  }

  /** Daily counters summed per store or guide over [from, to], largest GMV first (optionally only some ids). */
  async leaderboard(kind: Exclude<ScopeKind, 'chain'>, from: string, to: string, ids: readonly number[] | null): Promise<({ id: number } & DailyCounters)[]> {
    return (await this.summed(kind, 'scopeId', from, to, ids))
      .map(({ key, ...d }) => ({ id: Number(key), ...d }))
      .sort((a, b) => b.gmvFen - b.refundFen - (a.gmvFen - a.refundFen) || a.id - b.id);
  }

  /** Daily counters per day over [from, to] of one scope kind, summed over some ids (all when null): 概览's figures and trend. */
  async dayTotals(kind: ScopeKind, from: string, to: string, ids: readonly number[] | null): Promise<Map<string, DailyCounters>> {
    return new Map((await this.summed(kind, 'day', from, to, ids)).map(({ key, ...d }) => [key, d]));
  }

  /**
   * Alerts of the `days` complete days before today for these scopes, newest first, each with the
   * metric's trend over the 7 days up to it. Two reads for every scope at once (daily rows and the
   * days' distinct counters); no target needs the members to date.
   */
  async alerts(scopes: readonly Scope[], days: number, now: Date, targets: Parameters<typeof alertsOfDay>[3]): Promise<(AlertFinding & { scopeKind: ScopeKind; scopeId: number; trend: { day: string; value: number }[] })[]> {
    const last = addDays(today(now), -1);
    const first = addDays(last, -(days - 1));
    const span = daysBetween(addDays(first, -6), last);
    const key = (kind: string, id: number, day: string) => `${kind}:${id}:${day}`;
    const where = scopes.map((s) => ({ scopeKind: s.kind, scopeId: s.id }));
    const daily = new Map((await this.ds.manager.find(MetricDaily, { where: where.map((w) => ({ ...w, day: Between(span[0], last) })) })).map((r) => [key(r.scopeKind, r.scopeId, r.day), dailyOf(r)]));
    const periods = new Map(
      (await this.ds.manager.find(MetricPeriod, { where: where.map((w) => ({ ...w, period: In(span.map((d) => periodKey(d, 'day'))) })) })).map((p) => [key(p.scopeKind, p.scopeId, p.period.slice(1)), periodOf(p)]),
    );
    const out: (AlertFinding & { scopeKind: ScopeKind; scopeId: number; trend: { day: string; value: number }[] })[] = [];
    for (const s of scopes) {
      const valuesOf = (day: string) => {
        const d = daily.get(key(s.kind, s.id, day)) ?? zeroDaily();
        const p = periods.get(key(s.kind, s.id, day)) ?? zeroPeriod();
        return { d, p, m: metricsOf(d, p, 0) };
      };
      for (const day of daysBetween(first, last)) {
        const { d, p } = valuesOf(day);
        for (const f of alertsOfDay(day, d, p, targets)) {
          const trend = daysBetween(addDays(day, -6), day).map((t) => ({ day: t, value: valuesOf(t).m[f.metric] }));
          out.push({ ...f, scopeKind: s.kind, scopeId: s.id, trend });
        }
      }
    }
    return out.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  }
}
