/** 订单: every order, newest first, filtered by status, paged on the server. */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderKind, type OrderStatus } from '@common/order/state';
import type { OrderSummaryDto } from '@common/order/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { beijing, yuan } from '../../format';

const KIND_LABELS: Record<OrderKind, string> = { normal: '普通', group_seat: '拼团', points_redemption: '积分兑换' };

const columns: ProColumns<OrderSummaryDto>[] = [
  { title: '订单号', dataIndex: 'orderNo', copyable: true, search: false },
  { title: '类型', dataIndex: 'kind', search: false, render: (_, o) => <Tag>{KIND_LABELS[o.kind] ?? o.kind}</Tag> },
  {
    title: '状态',
    dataIndex: 'status',
    valueType: 'select',
    valueEnum: Object.fromEntries(ORDER_STATUSES.map((s) => [s, { text: ORDER_STATUS_LABELS[s] }])),
  },
  { title: '商品', search: false, render: (_, o) => o.lines.map((l) => `${l.title} ×${l.quantity}`).join('，') },
  { title: '实付', dataIndex: 'payableFen', search: false, align: 'right', render: (_, o) => yuan(o.payableFen) },
  { title: '下单时间（北京时间）', dataIndex: 'createdAt', search: false, render: (_, o) => beijing(o.createdAt) },
];

export default function OrderList() {
  return (
    <ProTable<OrderSummaryDto, { status?: OrderStatus }>
      headerTitle="订单"
      rowKey="id"
      columns={columns}
      pagination={{ defaultPageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: '暂无订单' }}
      request={async ({ current = 1, pageSize = 20, status }) => {
        const page = await call<Page<OrderSummaryDto>>(api.GET('/api/hq/orders', { params: { query: { page: current, pageSize, status } } }));
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
