/** 退款审核: refunds by status (待审核 first), newest first, paged on the server; approve (all or part) or reject. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { REFUND_STATUSES, REFUND_STATUS_LABELS, type HqRefundDto, type RefundStatus } from '@common/order/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { beijing, yuan } from '../../format';
import { RefundReviewButtons } from './RefundActions';

export default function Refunds() {
  const navigate = useNavigate();
  const ref = useRef<ActionType>();
  const columns: ProColumns<HqRefundDto>[] = [
    { title: '退款单号', dataIndex: 'refundNo', search: false },
    { title: '订单号', dataIndex: 'orderNo', search: false, render: (_, r) => <a onClick={() => navigate(`/orders/${r.orderId}`)}>{r.orderNo}</a> },
    { title: '金额', dataIndex: 'amountFen', search: false, align: 'right', render: (_, r) => yuan(r.amountFen) },
    { title: '原因', dataIndex: 'reason', search: false },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      initialValue: 'requested',
      valueEnum: Object.fromEntries(REFUND_STATUSES.map((s) => [s, { text: REFUND_STATUS_LABELS[s] }])),
    },
    { title: '申请时间（北京时间）', dataIndex: 'createdAt', search: false, render: (_, r) => beijing(r.createdAt) },
    { title: '操作', valueType: 'option', render: (_, r) => <RefundReviewButtons refund={r} onChanged={() => ref.current?.reload()} /> },
  ];
  return (
    <ProTable<HqRefundDto, { status?: RefundStatus }>
      headerTitle="退款审核"
      rowKey="id"
      actionRef={ref}
      columns={columns}
      pagination={{ defaultPageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: '没有待处理的退款' }}
      request={async ({ current = 1, pageSize = 20, status }) => {
        const page = await call<Page<HqRefundDto>>(api.GET('/api/hq/refunds', { params: { query: { page: current, pageSize, status } } }));
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
