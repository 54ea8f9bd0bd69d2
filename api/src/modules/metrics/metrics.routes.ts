/**
 * HQ's 数据 routes: series, leaderboards and alerts for every reader (a 门店店长 scoped to their
 * store and its guides, 404 for another's), targets and the ROI plan for HQ-wide roles, each table
 * also as a streamed CSV. Writes are audited centrally (every HQ write).
 */
import { fenToYuanString } from '@common/money';
import { HQ_OPERATORS, HQ_STORE_READERS, HQ_WIDE } from '@common/hq/roles';
import { METRICS } from '@common/metrics/definitions';
import { today } from '@common/metrics/period';
import { FileReply, type ApiRouter } from '../../http/api-router';
import { storeScopeOf } from '../../http/context';
import { csvStream, formatValue, SERIES_HEADERS, seriesLine } from './metrics.csv';
import { AlertsQuery, LeaderboardQuery, RoiPlanBody, RoiQuery, ScopeQuery, TargetsBody } from './metrics.schema';
import type { MetricsService } from './metrics.service';

const readers = { hq: HQ_STORE_READERS };
const csv = (stream: FileReply['body'], name: string) => new FileReply(stream, 'text/csv; charset=utf-8', `${name}.csv`);
const unitOf = new Map(METRICS.map((m) => [m.key as string, m.unit]));

export function registerMetricsRoutes(api: ApiRouter, s: MetricsService, now: () => Date): void {
  api.route({ method: 'get', path: '/api/hq/metrics/definitions', tag: 'metrics', summary: '数据：指标口径与默认目标', access: readers }, async () => s.definitions());

  api.route(
    { method: 'get', path: '/api/hq/metrics/series', tag: 'metrics', summary: '数据：按日/周/月的指标趋势（全渠道、门店或导购；店长仅本店）', access: readers, query: ScopeQuery },
    async (c, { query }) => {
      const r = await s.series(query, storeScopeOf(c));
      const rows = [];
      for await (const row of r.rows) rows.push(row);
      return { scope: r.scope, grain: r.grain, from: r.from, to: r.to, rows };
    },
  );
  api.route(
    { method: 'get', path: '/api/hq/metrics/series.csv', tag: 'metrics', summary: '数据：指标趋势 CSV（逐行流式输出）', access: readers, query: ScopeQuery, produces: 'text/csv' },
    async (c, { query }) => {
      const r = await s.series(query, storeScopeOf(c));
      return csv(csvStream(SERIES_HEADERS, r.rows, seriesLine), `metrics-${r.scope.kind}-${r.scope.id}-${r.grain}-${r.from}-${r.to}`);
    },
  );

  api.route(
    { method: 'get', path: '/api/hq/metrics/leaderboard', tag: 'metrics', summary: '数据：门店/导购排行（按扣退款 GMV）', access: readers, query: LeaderboardQuery },
    (c, { query }) => s.leaderboard(query, storeScopeOf(c)),
  );
  api.route(
    { method: 'get', path: '/api/hq/metrics/leaderboard.csv', tag: 'metrics', summary: '数据：门店/导购排行 CSV', access: readers, query: LeaderboardQuery, produces: 'text/csv' },
    async (c, { query }) => {
      const r = await s.leaderboard(query, storeScopeOf(c));
      const headers = ['排名', query.kind === 'store' ? '门店' : '导购', '支付订单', 'GMV（元）', '退款（元）', '私域 GMV（元）', '线下 GMV（元）', '线上 + 线下（元）', '导购订单', '首购', '新会员', '触达'];
      const yuan = fenToYuanString;
      return csv(
        csvStream(headers, r.items, (x) => [x.rank, x.name, x.paidOrders, yuan(x.gmvFen), yuan(x.refundFen), yuan(x.netGmvFen), yuan(x.offlineNetFen), yuan(x.totalNetFen), x.guideOrders, x.firstPurchases, x.newMembers, x.touches]),
        `leaderboard-${query.kind}-${r.from}-${r.to}`,
      );
    },
  );

  api.route({ method: 'get', path: '/api/hq/metrics/alerts', tag: 'metrics', summary: '数据：预警（低于目标的日子，含 7 日趋势）', access: readers, query: AlertsQuery }, (c, { query }) =>
    s.alerts(query.days, storeScopeOf(c)),
  );
  api.route(
    { method: 'get', path: '/api/hq/metrics/alerts.csv', tag: 'metrics', summary: '数据：预警 CSV', access: readers, query: AlertsQuery, produces: 'text/csv' },
    async (c, { query }) => {
      const rows = await s.alerts(query.days, storeScopeOf(c));
      const f = (metric: string, v: number) => formatValue(unitOf.get(metric) ?? 'count', v);
      return csv(csvStream(['日期', '范围', '指标', '实际', '目标'], rows, (a) => [a.day, a.scopeName, a.label, f(a.metric, a.value), f(a.metric, a.target)]), `alerts-${today(now())}`);
    },
  );

  api.route({ method: 'get', path: '/api/hq/metrics/targets', tag: 'metrics', summary: '数据：各指标的每日目标（默认为方案目标）', access: readers }, () => s.settings.targets());
  api.route(
    {
      method: 'put', path: '/api/hq/metrics/targets', tag: 'metrics', summary: '数据：设置每日目标（null 取消该项）', access: { hq: HQ_OPERATORS }, body: TargetsBody,
      audit: { objectType: 'metric_target', before: () => s.settings.targets() },
    },
    (_c, { body }) => s.settings.putTargets(body),
  );

  const year = (q: { year?: number }) => q.year ?? Number(today(now()).slice(0, 4));
  api.route({ method: 'get', path: '/api/hq/metrics/roi', tag: 'metrics', summary: '数据：ROI 方案与实际（按月）', access: { hq: HQ_WIDE }, query: RoiQuery }, (_c, { query }) => s.settings.roi(year(query)));
  api.route(
    { method: 'get', path: '/api/hq/metrics/roi.csv', tag: 'metrics', summary: '数据：ROI 方案与实际 CSV', access: { hq: HQ_WIDE }, query: RoiQuery, produces: 'text/csv' },
    async (_c, { query }) => {
      const r = await s.settings.roi(year(query));
      const headers = ['月份', '口径', '新入会', '累计会员', '活跃占比', '转化率', '客单价（元）', '私域 GMV（元）', '成本（元）', 'ROI（倍）'];
      const lines = r.months.flatMap((m) => [
        { month: m.month, side: '方案', row: m.plan },
        { month: m.month, side: '实际', row: m.actual },
      ]);
      return csv(
        csvStream(headers, lines, ({ month, side, row }) => [month, side, row.membersJoined, row.members, formatValue('bp', row.mauShare), formatValue('bp', row.conversion), fenToYuanString(row.aovFen), fenToYuanString(row.gmvFen), fenToYuanString(row.costFen), (row.roiX100 / 100).toFixed(2)]),
        `roi-${r.year}`,
      );
    },
  );
  api.route(
    { method: 'put', path: '/api/hq/metrics/roi/plan', tag: 'metrics', summary: '数据：填写 ROI 方案（成本与假设）', access: { hq: HQ_OPERATORS }, body: RoiPlanBody, audit: { objectType: 'metric_roi_plan', before: () => s.settings.plan() } },
    (_c, { body }) => s.settings.putPlan(body),
  );
}
