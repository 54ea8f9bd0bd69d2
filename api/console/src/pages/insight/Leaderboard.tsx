/** 数据 · 排行: stores or guides by GMV net of refunds over a period (a store manager: their store and its guides). */
import { Button, Empty, Result, Segmented, Skeleton, Space, Table } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { ExportButton, fmt, GrainPicker, qs, rangeOf, useLoad, type Grain } from './shared';

interface Row {
  rank: number;
  id: number;
  name: string;
  paidOrders: number;
  gmvFen: number;
  refundFen: number;
  netGmvFen: number;
  offlineNetFen: number;
  totalNetFen: number;
  touches: number;
  guideOrders: number;
  firstPurchases: number;
  newMembers: number;
}

export default function LeaderboardPage() {
  const [kind, setKind] = useState<'guide' | 'store'>('guide');
  const [grain, setGrain] = useState<Grain>('day');
  const { from, to } = rangeOf(grain);
  const { data, error, reload } = useLoad(() => call<{ items: Row[] }>(api.GET('/api/hq/metrics/leaderboard', { params: { query: { kind, from, to } } })), [kind, from, to]);
  if (error) return <Result status="error" title="排行加载失败" subTitle={error} extra={<Button onClick={reload}>重试</Button>} />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Space wrap>
        <Segmented options={[{ value: 'guide', label: '导购' }, { value: 'store', label: '门店' }]} value={kind} onChange={(v) => setKind(v as 'guide' | 'store')} />
        <GrainPicker value={grain} onChange={setGrain} />
        <ExportButton path={`/api/hq/metrics/leaderboard.csv?${qs({ kind, from, to })}`} name="leaderboard.csv" />
      </Space>
      {!data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Table<Row>
          size="small"
          rowKey="id"
          dataSource={data.items}
          locale={{ emptyText: <Empty description={`${from} 至 ${to} 还没有成交`} /> }}
          pagination={false}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 64 },
            { title: kind === 'guide' ? '导购' : '门店', dataIndex: 'name' },
            { title: '支付订单', dataIndex: 'paidOrders' },
            { title: '私域 GMV（扣退款）', render: (_, r) => fmt('fen', r.netGmvFen) },
            { title: '退款', render: (_, r) => fmt('fen', r.refundFen) },
            { title: '线下 GMV（扣退货）', render: (_, r) => fmt('fen', r.offlineNetFen) },
            { title: '线上 + 线下', render: (_, r) => fmt('fen', r.totalNetFen) },
            { title: '触达', dataIndex: 'touches' },
            { title: '首购', dataIndex: 'firstPurchases' },
            { title: '新会员', dataIndex: 'newMembers' },
          ]}
        />
      )}
    </div>
  );
}
