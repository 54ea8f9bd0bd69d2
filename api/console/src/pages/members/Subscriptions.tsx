/**
 * 订阅消息: what members agreed to receive (sends still allowed per template) and what was sent,
 * at most once per member and event (a pushed coupon, expiring points), newest first.
 */
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { Page } from '@common/paging';
import { SUBSCRIBE_KIND_LABELS } from '@common/subscriptions/rules';
import { SEND_STATUS_LABELS, type SubscribeConsentRowDto, type SubscribeSendRowDto } from '@common/subscriptions/types';
import { api, call } from '../../api/client';
import { beijing } from '../../format';

const STATUS_COLORS: Record<SubscribeSendRowDto['status'], string> = { claimed: 'processing', sent: 'success', no_consent: 'default', refused: 'warning', failed: 'error' };

const member = (r: { memberId: number; nickname: string }) => <Link to={`/members/${r.memberId}`}>{r.nickname || `会员 ${r.memberId}`}</Link>;

const sendColumns: ProColumns<SubscribeSendRowDto>[] = [
  { title: '时间（北京时间）', dataIndex: 'createdAt', render: (_, r) => beijing(r.createdAt) },
  { title: '会员', dataIndex: 'memberId', render: (_, r) => member(r) },
  { title: '消息', dataIndex: 'kind', render: (_, r) => SUBSCRIBE_KIND_LABELS[r.kind] },
  { title: '结果', dataIndex: 'status', render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{SEND_STATUS_LABELS[r.status]}{r.errcode !== null ? ` (${r.errcode})` : ''}</Tag> },
  { title: '事件', dataIndex: 'eventKey', ellipsis: true },
];

const consentColumns: ProColumns<SubscribeConsentRowDto>[] = [
  { title: '会员', dataIndex: 'memberId', render: (_, r) => member(r) },
  { title: '消息', dataIndex: 'kind', render: (_, r) => (r.kind ? SUBSCRIBE_KIND_LABELS[r.kind] : `已停用模板 ${r.templateId}`) },
  { title: '剩余可发次数', dataIndex: 'available' },
  { title: '最近授权或发送（北京时间）', dataIndex: 'updatedAt', render: (_, r) => beijing(r.updatedAt) },
];

type ListPath = '/api/hq/subscriptions/sends' | '/api/hq/subscriptions/consents';

/** One of the two lists: newest first, ten a page, paged on the server. */
function PagedList<T extends { id: number }>({ title, path, columns, empty }: { title: string; path: ListPath; columns: ProColumns<T>[]; empty: string }) {
  return (
    <ProTable<T>
      headerTitle={title}
      rowKey="id"
      search={false}
      columns={columns}
      pagination={{ defaultPageSize: 10, showSizeChanger: false }}
      locale={{ emptyText: empty }}
      request={async ({ current = 1, pageSize = 10 }) => {
        const page = await call<Page<T>>(api.GET(path, { params: { query: { page: current, pageSize } } }));
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}

export default function Subscriptions() {
  return (
    <PageContainer title="订阅消息" subTitle="会员每同意一次，可向其发送一条；每个事件至多发送一次">
      <PagedList<SubscribeSendRowDto> title="发送记录" path="/api/hq/subscriptions/sends" columns={sendColumns} empty="还没有发送过订阅消息" />
      <PagedList<SubscribeConsentRowDto> title="授权记录" path="/api/hq/subscriptions/consents" columns={consentColumns} empty="还没有会员授权订阅消息" />
    </PageContainer>
  );
}
