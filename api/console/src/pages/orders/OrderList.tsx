/**
 * 订单: every order, newest first, paged on the server and filtered by status, kind, date range
 * (Beijing days), store, guide, order number and the receiver's phone; 发货 from the row, 批量发货
 * from a CSV. A store manager's store and guide lists hold only their own store (the API's scope).
 */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ORDER_KINDS, ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderKind, type OrderStatus } from '@common/order/state';
import type { HqOrderFilter, OrderSummaryDto } from '@common/order/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { allGuides, allStores } from '../../api/options';
import { beijing, yuan } from '../../format';
import { ShipModal } from './ShipModal';

export const KIND_LABELS: Record<OrderKind, string> = { normal: '普通', group_seat: '拼团', points_redemption: '积分兑换', pickup: '到店自提' };

type ListFilter = HqOrderFilter & { storeId?: number; guideId?: number };
type Search = Omit<ListFilter, 'from' | 'to'> & { createdAt?: [string, string] };

/** The list's query for a filter form: empty fields left out, the date range as two Beijing days. */
export function orderQuery(s: Search): ListFilter {
  const { createdAt, ...rest } = s;
  const q: ListFilter = Object.fromEntries(
    Object.entries(rest).flatMap(([k, v]) => (typeof v === 'string' && v.trim() !== '' ? [[k, v.trim()]] : Number.isInteger(v) ? [[k, v]] : [])),
  );
  if (createdAt?.[0]) q.from = createdAt[0].slice(0, 10);
  if (createdAt?.[1]) q.to = createdAt[1].slice(0, 10);
  return q;
}

export default function OrderList() {
  const navigate = useNavigate();
  const ref = useRef<ActionType>();
  const [shipping, setShipping] = useState<OrderSummaryDto | null>(null);
  // The API counts a big list only up to a cap (totalCapped): then there are at least `total`.
  const [capped, setCapped] = useState(false);
  const columns: ProColumns<OrderSummaryDto>[] = [
    { title: '订单号', dataIndex: 'orderNo', copyable: true, render: (_, o) => <a onClick={() => navigate(`/orders/${o.id}`)}>{o.orderNo}</a> },
    { title: '手机号', dataIndex: 'phone', hideInTable: true, fieldProps: { placeholder: '收货人手机号' } },
    {
      title: '门店',
      dataIndex: 'storeId',
      hideInTable: true,
      valueType: 'select',
      fieldProps: { showSearch: true, optionFilterProp: 'label' },
      request: async () => (await allStores()).map((s) => ({ label: s.name, value: s.id })),
    },
    {
      title: '导购',
      dataIndex: 'guideId',
      hideInTable: true,
      valueType: 'select',
      fieldProps: { showSearch: true, optionFilterProp: 'label' },
      request: async () => (await allGuides()).map((g) => ({ label: g.status === 'left' ? `${g.name}（已离职）` : g.name, value: g.id })),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: Object.fromEntries(ORDER_KINDS.map((k) => [k, { text: KIND_LABELS[k] }])),
      render: (_, o) => <Tag>{KIND_LABELS[o.kind] ?? o.kind}</Tag>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(ORDER_STATUSES.map((s) => [s, { text: ORDER_STATUS_LABELS[s] }])),
    },
    { title: '商品', search: false, render: (_, o) => o.lines.map((l) => `${l.title} ×${l.quantity}`).join('，') },
    { title: '实付', dataIndex: 'payableFen', search: false, align: 'right', render: (_, o) => yuan(o.payableFen) },
    { title: '下单日期', dataIndex: 'createdAt', valueType: 'dateRange', hideInTable: true },
    { title: '下单时间（北京时间）', dataIndex: 'createdAt', search: false, render: (_, o) => beijing(o.createdAt) },
    {
      title: '操作',
      valueType: 'option',
      render: (_, o) => [
        <a key="detail" onClick={() => navigate(`/orders/${o.id}`)}>
          详情
        </a>,
        o.status === 'paid' && (
          <a key="ship" onClick={() => setShipping(o)}>
            发货
          </a>
        ),
      ],
    },
  ];
  return (
    <>
      <ProTable<OrderSummaryDto, Search>
        headerTitle="订单"
        rowKey="id"
        actionRef={ref}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total}${capped ? '+' : ''} 条` }}
        locale={{ emptyText: '暂无订单' }}
        toolBarRender={() => [
          <Button key="batch" onClick={() => navigate('/orders/batch-ship')}>
            批量发货
          </Button>,
          <Button key="refunds" onClick={() => navigate('/orders/refunds')}>
            退款审核
          </Button>,
        ]}
        request={async ({ current = 1, pageSize = 20, ...search }) => {
          const q = orderQuery(search as Search) as ListFilter & { status?: OrderStatus };
          const page = await call<Page<OrderSummaryDto>>(api.GET('/api/hq/orders', { params: { query: { page: current, pageSize, ...q } } }));
          setCapped(!!page.totalCapped);
          return { data: page.items, total: page.total, success: true };
        }}
      />
      {shipping && <ShipModal orderId={shipping.id} orderNo={shipping.orderNo} onDone={(ok) => (setShipping(null), ok && ref.current?.reload())} />}
    </>
  );
}
