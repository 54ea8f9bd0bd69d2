/**
 * 数据 · 趋势: every metric per day, week or month for the chain, a store or a guide (a store
 * manager: their store and its guides), as ECharts lines by group and a table whose headers carry
 * each metric's definition. Reads the aggregates only; the table exports as CSV.
 */
import { Button, Card, Empty, Result, Segmented, Skeleton, Space, Table, Tooltip } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, call } from '../../api/client';
import { defaultScope, ExportButton, fmt, GrainPicker, qs, rangeOf, ScopePicker, useLoad, type Grain, type MetricDef, type ScopeValue, type SeriesRow } from './shared';

const InsightChart = lazy(() => import('./InsightChart'));

const GROUPS = [
  { value: 'members', label: '会员', keys: ['newMembers', 'activeMembers', 'firstPurchases'] },
  { value: 'rates', label: '比率', keys: ['mauShare', 'signInShare', 'conversion', 'repurchaseRate', 'guideOrderShare', 'groupSuccessRate'] },
  { value: 'money', label: '金额', keys: ['gmvFen', 'netGmvFen', 'aovFen', 'incentiveFen'] },
  { value: 'touch', label: '触达与企微', keys: ['touchedMembers', 'touchFirstRate', 'touchRepeatRate', 'addGuideRate'] },
  { value: 'incentives', label: '券与积分', keys: ['couponsIssued', 'couponsUsed', 'couponUseRate', 'pointsEarned', 'pointsUsed'] },
  { value: 'channels', label: '线上与线下', keys: ['netGmvFen', 'offlineGmvFen', 'totalGmvFen'] },
] as const;

export interface SeriesDto {
  grain: Grain;
  from: string;
  to: string;
  rows: SeriesRow[];
}

export function useSeries(scope: ScopeValue, grain: Grain) {
  return useLoad(async () => {
    const [defs, series] = await Promise.all([
      call<{ metrics: MetricDef[] }>(api.GET('/api/hq/metrics/definitions')),
      call<SeriesDto>(api.GET('/api/hq/metrics/series', { params: { query: { ...scope, ...rangeOf(grain) } as never } })),
    ]);
    return { defs: defs.metrics, series };
  }, [scope.scope, scope.id, grain]);
}

export default function TrendsPage() {
  const [scope, setScope] = useState<ScopeValue>(defaultScope());
  const [grain, setGrain] = useState<Grain>('day');
  const [group, setGroup] = useState<(typeof GROUPS)[number]['value']>('members');
  const { data, error, reload } = useSeries(scope, grain);

  const option = useMemo(() => {
    if (!data) return null;
    const keys = GROUPS.find((g) => g.value === group)!.keys as readonly string[];
    const defs = data.defs.filter((d) => keys.includes(d.key));
    const scale = (d: MetricDef, v: number) => (d.unit === 'count' ? v : v / 100);
    // Groups mixing counts and rates put the rates (%) on a second axis.
    const axisOf = (d: MetricDef) => (d.unit === 'bp' && defs.some((x) => x.unit !== 'bp') ? 1 : 0);
    const first = defs[0]?.unit;
    const nameOf = (unit: string | undefined) => (unit === 'bp' ? '%' : unit === 'fen' ? '元' : '人/张/积分');
    return {
      grid: { left: 64, right: 56, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.series.rows.map((r) => r.bucket) },
      yAxis: [{ type: 'value', name: nameOf(first) }, { type: 'value', name: '%', show: defs.some((d) => axisOf(d) === 1) }],
      series: defs.map((d) => ({ type: 'line', name: d.label, smooth: true, yAxisIndex: axisOf(d), data: data.series.rows.map((r) => scale(d, r[d.key] as number)) })),
    };
  }, [data, group]);

  const toolbar = (
    <Space wrap>
      <ScopePicker value={scope} onChange={setScope} />
      <GrainPicker value={grain} onChange={setGrain} />
      {data && <ExportButton path={`/api/hq/metrics/series.csv?${qs({ ...scope, ...rangeOf(grain) })}`} name="metrics.csv" />}
    </Space>
  );
  if (error) return <Result status="error" title="数据加载失败" subTitle={error} extra={<Button onClick={reload}>重试</Button>} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const empty = data.series.rows.every((r) => !r.activeMembers && !r.paidOrders && !r.newMembers && !r.touches && !r.offlineSales && !r.couponsIssued && !r.pointsEarned);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {toolbar}
      <Card size="small" title="趋势" extra={<Segmented options={GROUPS.map((g) => ({ value: g.value, label: g.label }))} value={group} onChange={(v) => setGroup(v as typeof group)} />}>
        {empty || !option ? (
          <Empty description="这段时间还没有数据" />
        ) : (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <InsightChart option={option} testId="insight-trend" />
          </Suspense>
        )}
      </Card>
      <Card size="small" title="明细（北京时间）">
        <Table
          size="small"
          rowKey="bucket"
          scroll={{ x: true }}
          pagination={{ pageSize: 31 }}
          dataSource={[...data.series.rows].reverse()}
          locale={{ emptyText: <Empty description="暂无数据" /> }}
          columns={[
            { title: '周期', dataIndex: 'bucket', fixed: 'left' as const },
            ...data.defs.map((d) => ({
              title: (
                <Tooltip title={d.definition}>
                  <span>{d.label}</span>
                </Tooltip>
              ),
              key: d.key,
              render: (_: unknown, r: SeriesRow) => fmt(d.unit, r[d.key] as number),
            })),
          ]}
        />
      </Card>
    </div>
  );
}
