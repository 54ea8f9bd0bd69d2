/**
 * 数据 · 漏斗: for each period, members touched (guide share/card open, WeCom add, coupon push) →
 * of them, first purchases in the period → of those, a repeat in the period; with the
 * add-your-guide rate after a first purchase. The picked period (latest by default) as an ECharts funnel.
 */
import { Button, Card, Empty, Result, Select, Skeleton, Space, Table } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { defaultScope, ExportButton, fmt, GrainPicker, qs, rangeOf, ScopePicker, type Grain, type ScopeValue, type SeriesRow } from './shared';
import { useSeries } from './Trends';

const InsightChart = lazy(() => import('./InsightChart'));

export default function FunnelPage() {
  const [scope, setScope] = useState<ScopeValue>(defaultScope());
  const [grain, setGrain] = useState<Grain>('month');
  const [picked, setPicked] = useState<string | null>(null);
  const { data, error, reload } = useSeries(scope, grain);
  const rows = data?.series.rows ?? [];
  const current = rows.find((r) => r.bucket === picked) ?? rows[rows.length - 1];
  const option = useMemo(() => {
    if (!current) return null;
    const steps = [
      { name: '触达会员', value: current.touchedMembers },
      { name: '触达后首购', value: current.touchedFirstBuyers },
      { name: '首购后复购', value: current.touchedRepeatBuyers },
    ];
    return { tooltip: { trigger: 'item' }, series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { formatter: '{b}：{c}' }, data: steps }] };
  }, [current]);

  if (error) return <Result status="error" title="漏斗加载失败" subTitle={error} extra={<Button onClick={reload}>重试</Button>} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Space wrap>
        <ScopePicker value={scope} onChange={setScope} />
        <GrainPicker value={grain} onChange={setGrain} />
        <Select style={{ width: 160 }} value={current?.bucket} options={[...rows].reverse().map((r) => ({ value: r.bucket, label: r.bucket }))} onChange={setPicked} />
        <ExportButton path={`/api/hq/metrics/series.csv?${qs({ ...scope, ...rangeOf(grain) })}`} name="funnel.csv" />
      </Space>
      <Card size="small" title={`触达 → 首购 → 复购（${current?.bucket ?? ''}）`}>
        {!current || !current.touchedMembers ? (
          <Empty description="这一期还没有触达会员" />
        ) : (
          <Suspense fallback={<Skeleton active />}>
            <InsightChart option={option!} height={280} testId="insight-funnel" />
          </Suspense>
        )}
      </Card>
      <Table<SeriesRow>
        size="small"
        rowKey="bucket"
        dataSource={[...rows].reverse()}
        pagination={{ pageSize: 12 }}
        columns={[
          { title: '周期', dataIndex: 'bucket' },
          { title: '触达会员', render: (_, r) => r.touchedMembers },
          { title: '触达次数', render: (_, r) => r.touches },
          { title: '触达后首购', render: (_, r) => r.touchedFirstBuyers },
          { title: '触达→首购', render: (_, r) => fmt('bp', r.touchFirstRate) },
          { title: '首购后复购', render: (_, r) => r.touchedRepeatBuyers },
          { title: '首购→复购', render: (_, r) => fmt('bp', r.touchRepeatRate) },
          { title: '首购（全部）', render: (_, r) => r.firstPurchases },
          { title: '首购加导购率', render: (_, r) => fmt('bp', r.addGuideRate) },
        ]}
      />
    </div>
  );
}
