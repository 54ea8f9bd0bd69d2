/**
 * 门店与导购 → 线下销售: sales posted by the stores' tills, filtered by store, guide, member, receipt
 * number and Beijing dates; above them the period's offline, online and total GMV per store and guide.
 */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Card, DatePicker, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Page } from '@common/paging';
import type { PosSaleRow, PosSummaryRow as SummaryRow } from '@common/pos/types';
import { api, call } from '../../api/client';
import { beijing, yuan } from '../../format';
import { loadError } from '../../forms';

const RULES: Record<string, string> = { bound_guide: '专属导购', counter_guide: '收银台指定', none: '无' };
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

function Summary() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().tz('Asia/Shanghai').subtract(6, 'day'), dayjs().tz('Asia/Shanghai')]);
  const [rows, setRows] = useState<SummaryRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    call<SummaryRow[]>(api.GET('/api/hq/pos/summary', { params: { query: { from: day(range[0]), to: day(range[1]) } } }))
      .then((r) => { setRows(r); setError(null); })
      .catch((err) => setError(loadError(err)));
  }, [range]);
  return (
    <Card title="线上 / 线下 GMV（按门店、导购）" style={{ marginBottom: 16 }} extra={<DatePicker.RangePicker allowClear={false} value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />}>
      {error ? <Alert type="error" showIcon message={error} /> : (
        <Table<SummaryRow>
          size="small"
          loading={rows === null}
          rowKey={(r) => `${r.storeId}:${r.guideId}`}
          dataSource={rows ?? []}
          pagination={false}
          locale={{ emptyText: '该时段没有线上或线下销售' }}
          columns={[
            { title: '门店', render: (_, r) => (r.storeId === null ? '—' : `门店 #${r.storeId}`) },
            { title: '导购', render: (_, r) => (r.guideId === null ? '无' : `导购 #${r.guideId}`) },
            { title: '线下笔数', dataIndex: 'offlineSales' },
            { title: '线下净额', render: (_, r) => yuan(r.offlineNetFen) },
            { title: '线下退货', render: (_, r) => yuan(r.offlineReturnedFen) },
            { title: '线上订单', dataIndex: 'onlineOrders' },
            { title: '线上 GMV', render: (_, r) => yuan(r.onlineGmvFen) },
            { title: '合计', render: (_, r) => <b>{yuan(r.totalGmvFen)}</b> },
            { title: '线下佣金', render: (_, r) => (r.offlineCommissionFen ? yuan(r.offlineCommissionFen) : '—') },
          ]}
        />
      )}
    </Card>
  );
}

const columns: ProColumns<PosSaleRow>[] = [
  { title: '销售时间（北京时间）', dataIndex: 'day', valueType: 'dateRange', render: (_, s) => beijing(s.soldAt), search: { transform: ([from, to]: [string, string]) => ({ from, to }) } },
  { title: '小票号', dataIndex: 'receiptNo', copyable: true },
  { title: '门店', dataIndex: 'storeId', valueType: 'digit', render: (_, s) => `门店 #${s.storeId}` },
  { title: '导购', dataIndex: 'guideId', valueType: 'digit', render: (_, s) => (s.guideId === null ? '无' : `导购 #${s.guideId}`) },
  { title: '归因', search: false, render: (_, s) => <Tag>{RULES[s.attribution] ?? s.attribution}</Tag> },
  { title: '会员', dataIndex: 'memberId', valueType: 'digit', render: (_, s) => (s.memberId === null ? '散客' : `会员 #${s.memberId}`) },
  { title: '实收', search: false, render: (_, s) => yuan(s.payableFen) },
  { title: '已退', search: false, render: (_, s) => (s.returnedFen ? yuan(s.returnedFen) : '—') },
  { title: '积分', search: false, render: (_, s) => (s.bonusPoints ? `${s.pointsEarned} + 双倍 ${s.bonusPoints}` : s.pointsEarned) },
  { title: '支付方式', dataIndex: 'paymentMethod', search: false },
];

export default function OfflineSales() {
  return (
    <>
      <Summary />
      <ProTable<PosSaleRow>
        headerTitle="线下销售"
        rowKey="saleId"
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '没有符合条件的线下销售' }}
        request={async ({ current = 1, pageSize = 20, receiptNo, storeId, guideId, memberId, from, to }) => {
          const id = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));
          const query = { page: current, pageSize, receiptNo: receiptNo || undefined, storeId: id(storeId), guideId: id(guideId), memberId: id(memberId), from, to };
          const page = await call<Page<PosSaleRow>>(api.GET('/api/hq/pos/sales', { params: { query } }));
          return { data: page.items, total: page.total, success: true };
        }}
      />
    </>
  );
}
