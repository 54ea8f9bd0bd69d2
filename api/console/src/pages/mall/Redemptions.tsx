/** 积分商城 → 兑换记录: every redemption, newest first, paged on the server; filter by member. */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { Page } from '@common/paging';
import type { HqRedemptionDto } from '@common/pointsmall/types';
import { api, call } from '../../api/client';
import { beijing, yuan } from '../../format';

const columns: ProColumns<HqRedemptionDto>[] = [
  { title: '会员ID', dataIndex: 'memberId', valueType: 'digit', render: (_, r) => <Link to={`/members/${r.memberId}`}>#{r.memberId}</Link> },
  { title: '商品', dataIndex: 'title', search: false },
  { title: '类型', dataIndex: 'kind', search: false, render: (_, r) => (r.kind === 'coupon' ? '优惠券' : '实物') },
  { title: '积分', dataIndex: 'points', search: false, align: 'right' },
  { title: '现金', dataIndex: 'cashFen', search: false, align: 'right', render: (_, r) => (r.cashFen ? yuan(r.cashFen) : '—') },
  { title: '状态', dataIndex: 'status', search: false, render: (_, r) => (r.status === 'active' ? <Tag color="green">已兑换</Tag> : <Tag>已退回</Tag>) },
  { title: '兑换时间（北京时间）', dataIndex: 'createdAt', search: false, render: (_, r) => beijing(r.createdAt) },
];

export default function Redemptions() {
  return (
    <ProTable<HqRedemptionDto, { memberId?: number }>
      headerTitle="兑换记录"
      rowKey="id"
      columns={columns}
      pagination={{ defaultPageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: '暂无兑换记录' }}
      request={async ({ current = 1, pageSize = 20, memberId }) => {
        const query = { page: current, pageSize, memberId: memberId ? Number(memberId) : undefined };
        const page = await call<Page<HqRedemptionDto>>(api.GET('/api/hq/pointsmall/redemptions', { params: { query } }));
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
