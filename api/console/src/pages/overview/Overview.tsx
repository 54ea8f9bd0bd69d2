/**
 * 概览 (the console's landing page): today / 7-day / 30-day GMV, orders, average order value, new
 * members, the guides' share of GMV and the add-your-guide rate after a first purchase; the 30-day
 * GMV trend (ECharts, loaded with its own chunk), top products and the guide leaderboard. A store
 * manager sees their own store's figures (the API scopes them).
 */
import { Alert, Button, Card, Col, Empty, Result, Row, Segmented, Skeleton, Statistic, Table, Tag } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { OverviewDto, OverviewFigures } from '@common/hq/types';
import { api, call } from '../../api/client';
import { yuan } from '../../format';

const TrendChart = lazy(() => import('./TrendChart'));
const AlertBanner = lazy(() => import('./AlertBanner'));

const PERIODS = [
  { value: 'today', label: '今日' },
  { value: 'last7Days', label: '近 7 日' },
  { value: 'last30Days', label: '近 30 日' },
] as const;
type Period = (typeof PERIODS)[number]['value'];

const percent = (bp: number) => `${(bp / 100).toFixed(1)}%`;

function Figures({ f }: { f: OverviewFigures }) {
  const items = [
    { title: 'GMV（元）', value: yuan(f.gmvFen) },
    { title: '订单数', value: String(f.orders) },
    { title: '客单价（元）', value: yuan(f.aovFen) },
    { title: '新会员', value: String(f.newMembers) },
    { title: '导购带来的 GMV 占比', value: percent(f.guideShareBp) },
    { title: '首购后加导购率', value: percent(f.addGuideRateBp) },
  ];
  return (
    <Row gutter={[16, 16]}>
      {items.map((i) => (
        <Col key={i.title} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={i.title} value={i.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export default function OverviewPage() {
  const [data, setData] = useState<OverviewDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period>('today');
  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await call<OverviewDto>(api.GET('/api/hq/overview')));
    } catch (err) {
      setError(err instanceof Error ? err.message : '加载失败');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Result status="error" title="概览加载失败" subTitle={error} extra={<Button onClick={load}>重试</Button>} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const noOrders = data.last30Days.orders === 0;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <Segmented options={[...PERIODS]} value={period} onChange={(v) => setPeriod(v as Period)} />
        {data.storeId !== null && <Tag color="blue">仅本门店数据（门店 #{data.storeId}）</Tag>}
        <Button size="small" onClick={load}>
          刷新
        </Button>
      </div>
      <Suspense fallback={null}>
        <AlertBanner />
      </Suspense>
      <Figures f={data[period]} />
      {noOrders && <Alert type="info" showIcon message="近 30 日还没有已支付的订单，有成交后这里会显示趋势与排行。" />}
      <Card title="GMV 趋势（近 30 日，北京时间按天）" size="small">
        {noOrders ? (
          <Empty description="暂无成交" />
        ) : (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <TrendChart points={data.trend} />
          </Suspense>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="热销商品（近 30 日）" size="small">
            <Table
              size="small"
              rowKey="productId"
              pagination={false}
              dataSource={data.topProducts}
              locale={{ emptyText: '暂无成交商品' }}
              columns={[
                { title: '商品', dataIndex: 'title' },
                { title: '件数', dataIndex: 'quantity', align: 'right' },
                { title: '成交额（元）', dataIndex: 'gmvFen', align: 'right', render: (v: number) => yuan(v) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="导购排行（近 30 日）" size="small">
            <Table
              size="small"
              rowKey="guideId"
              pagination={false}
              dataSource={data.guideLeaderboard}
              locale={{ emptyText: '暂无导购带来的成交' }}
              columns={[
                { title: '导购', dataIndex: 'name' },
                { title: '订单', dataIndex: 'orders', align: 'right' },
                { title: 'GMV（元）', dataIndex: 'gmvFen', align: 'right', render: (v: number) => yuan(v) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
