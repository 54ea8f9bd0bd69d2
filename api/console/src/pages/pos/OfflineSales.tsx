/**
 * 门店与导购 → 线下销售: sales posted by the stores' tills, filtered by store, guide, member, receipt
 * number and Beijing dates; above them the period's offline, online and total GMV per store and guide.
 */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Card, DatePicker, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Page } from '@common/paging';
import type { PaymentMethod, PosSaleRow, PosSummaryRow as SummaryRow } from '@common/pos/types';
import { api, call } from '../../api/client';
import { allGuides, allStores } from '../../api/options';
import { beijing, yuan } from '../../format';
import { loadError } from '../../forms';

const RULES: Record<string, string> = { bound_guide: '专属导购', counter_guide: '收银台指定', none: '无' };
const PAYMENT: Record<PaymentMethod, string> = { cash: '现金', wechat: '微信支付', alipay: '支付宝', card: '银行卡', other: '其他' };

/** Store and guide names by id, read once per page view (a row carries ids only). */
interface Names {
  store(id: number | null): string;
  guide(id: number | null): string;
}

function useNames(): Names {
  const [stores, setStores] = useState(new Map<number, string>());
  const [guides, setGuides] = useState(new Map<number, string>());
  useEffect(() => {
    // A failed read leaves the ids showing (门店 #3): the rows themselves still load.
    allStores().then((r) => setStores(new Map(r.map((x) => [x.id, x.name]))), () => undefined);
    allGuides().then((r) => setGuides(new Map(r.map((g) => [g.id, g.status === 'left' ? `${g.name}（已离职）` : g.name]))), () => undefined);
  }, []);
  return {
    store: (id) => (id === null ? '—' : (stores.get(id) ?? `门店 #${id}`)),
    guide: (id) => (id === null ? '无' : (guides.get(id) ?? `导购 #${id}`)),
  };
}
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

function Summary({ names }: { names: Names }) {
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
            { title: '门店', render: (_, r) => names.store(r.storeId) },
            { title: '导购', render: (_, r) => names.guide(r.guideId) },
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

const columns = (names: Names, openMember: (id: number) => void): ProColumns<PosSaleRow>[] => [
  { title: '销售日期', dataIndex: 'day', valueType: 'dateRange', hideInTable: true, search: { transform: ([from, to]: [string, string]) => ({ from, to }) } },
  { title: '销售时间（北京时间）', search: false, render: (_, s) => beijing(s.soldAt) },
  { title: '小票号', dataIndex: 'receiptNo', copyable: true },
  {
    title: '门店',
    dataIndex: 'storeId',
    valueType: 'select',
    fieldProps: { showSearch: true, optionFilterProp: 'label' },
    request: async () => (await allStores()).map((x) => ({ label: x.name, value: x.id })),
    render: (_, s) => names.store(s.storeId),
  },
  {
    title: '导购',
    dataIndex: 'guideId',
    valueType: 'select',
    fieldProps: { showSearch: true, optionFilterProp: 'label' },
    request: async () => (await allGuides()).map((g) => ({ label: g.status === 'left' ? `${g.name}（已离职）` : g.name, value: g.id })),
    render: (_, s) => names.guide(s.guideId),
  },
  { title: '归因', search: false, render: (_, s) => <Tag>{RULES[s.attribution] ?? s.attribution}</Tag> },
  { title: '会员', dataIndex: 'memberId', valueType: 'digit', render: (_, s) => (s.memberId === null ? '散客' : <a onClick={() => openMember(s.memberId as number)}>会员 #{s.memberId}</a>) },
  { title: '实收', search: false, render: (_, s) => yuan(s.payableFen) },
  { title: '已退', search: false, render: (_, s) => (s.returnedFen ? yuan(s.returnedFen) : '—') },
  { title: '积分', search: false, render: (_, s) => (s.bonusPoints ? `${s.pointsEarned} + 双倍 ${s.bonusPoints}` : s.pointsEarned) },
  { title: '支付方式', search: false, render: (_, s) => PAYMENT[s.paymentMethod as PaymentMethod] ?? s.paymentMethod },
];

export default function OfflineSales() {
  const names = useNames();
  const navigate = useNavigate();
  return (
    <>
      <Summary names={names} />
      <ProTable<PosSaleRow>
        headerTitle="线下销售"
        rowKey="saleId"
        columns={columns(names, (id) => navigate(`/members/${id}`))}
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
