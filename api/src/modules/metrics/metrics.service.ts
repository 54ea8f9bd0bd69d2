/**
 * The metrics API's decisions: which scope a caller may read (a 门店店长 their own store and its
 * guides, 404 for anything else), the default date range, and the names on leaderboards and alerts.
 */
import { METRICS } from '@common/metrics/definitions';
import { addDays, daysBetween, today, type Grain } from '@common/metrics/period';
import { DEFAULT_TARGETS, TARGET_KEYS } from '@common/metrics/targets';
import { AppError } from '../../http/app-error';
import type { GuideDirectory } from '../guides';
import type { MetricsReads } from './metrics.reads';
import type { MetricsSettings } from './metrics.settings';
import type { Scope } from './metrics.store';

const MAX_DAYS = 400;

export interface ScopeInput {
  scope?: 'chain' | 'store' | 'guide';
  id?: number;
}

export class MetricsService {
  constructor(
    readonly reads: MetricsReads,
    readonly settings: MetricsSettings,
    private readonly directory: GuideDirectory,
    private readonly now: () => Date,
  ) {}

  /** The scope asked for, if the caller may see it; a store manager defaults to their store. */
  async scope(q: ScopeInput, storeScope: number | null): Promise<Scope> {
    const kind = q.scope ?? (storeScope === null ? 'chain' : 'store');
    if (kind === 'chain') {
      if (storeScope !== null) throw new AppError('METRICS_SCOPE_NOT_FOUND');
      return { kind, id: 0 };
    }
    const id = q.id ?? (kind === 'store' ? storeScope : null);
    if (id === null || id === undefined) throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'id', message: '请指定门店或导购' }]);
    const storeId = kind === 'store' ? ((await this.directory.storeExists(id)) ? id : null) : await this.directory.storeOfGuide(id);
    if (storeId === null || (storeScope !== null && storeId !== storeScope)) throw new AppError('METRICS_SCOPE_NOT_FOUND');
    return { kind, id };
  }

  /** [from, to] with defaults (the last 30 days to today), refused when reversed or longer than 400 days. */
  range(q: { from?: string; to?: string }): { from: string; to: string } {
    const to = q.to ?? today(this.now());
    const from = q.from ?? addDays(to, -29);
    if (from > to || daysBetween(from, to).length > MAX_DAYS) throw new AppError('METRICS_RANGE_INVALID', undefined, [{ field: 'from', message: '开始不能晚于结束，最长 400 天' }]);
    return { from, to };
  }

  series(q: ScopeInput & { grain: Grain; from?: string; to?: string }, storeScope: number | null) {
    return this.scope(q, storeScope).then((s) => {
      const r = this.range(q);
      return { scope: s, grain: q.grain, ...r, rows: this.reads.series(s, q.grain, r.from, r.to) };
    });
  }

  async leaderboard(q: { kind: 'store' | 'guide'; from?: string; to?: string }, storeScope: number | null) {
    const r = this.range(q);
    const { stores, guides } = await this.directory.allStoresAndGuides();
    const ids = storeScope === null ? null : q.kind === 'store' ? [storeScope] : guides.filter((g) => g.storeId === storeScope).map((g) => g.id);
    const names = new Map(q.kind === 'store' ? stores.map((s) => [s.id, s.name]) : guides.map((g) => [g.id, g.name]));
    const storeOf = new Map(guides.map((g) => [g.id, g.storeId]));
    const rows = await this.reads.leaderboard(q.kind, r.from, r.to, ids);
    return {
      kind: q.kind,
      ...r,
      items: rows.map((x, i) => {
        const netGmvFen = x.gmvFen - x.refundFen;
        const offlineNetFen = x.offlineGmvFen - x.offlineReturnFen;
        return { rank: i + 1, name: names.get(x.id) ?? `#${x.id}`, storeId: q.kind === 'store' ? x.id : (storeOf.get(x.id) ?? 0), netGmvFen, offlineNetFen, totalNetFen: netGmvFen + offlineNetFen, ...x };
      }),
    };
  }

  async alerts(days: number, storeScope: number | null) {
    // The stores alone (their names): reading every guide too cost 15–140 ms under load (bench:insight data).
    const stores = await this.directory.stores();
    const names = new Map(stores.map((s) => [s.id, s.name]));
    const scopes: Scope[] = storeScope === null ? [{ kind: 'chain', id: 0 }, ...stores.map((s) => ({ kind: 'store' as const, id: s.id }))] : [{ kind: 'store', id: storeScope }];
    const { effective } = await this.settings.targets();
    const labels = new Map(METRICS.map((m) => [m.key as string, m]));
    const found = await this.reads.alerts(scopes, days, this.now(), effective);
    return found.map((a) => ({ ...a, label: labels.get(a.metric)?.label ?? a.metric, unit: labels.get(a.metric)?.unit ?? 'count', scopeName: a.scopeKind === 'chain' ? '全渠道' : (names.get(a.scopeId) ?? `#${a.scopeId}`) }));
  }

  definitions() {
    return { metrics: METRICS, targetKeys: TARGET_KEYS, defaultTargets: DEFAULT_TARGETS };
  }
}
