/** 会员: every member, newest first, paged on the server; one search box for 会员ID, 手机号 or 昵称, and a 分群 (RFM segment) filter. */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Avatar, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { SEGMENT_CODES, SEGMENT_LABELS, type SegmentCode } from '@common/insight/rfm';
import type { HqMemberPage, HqMemberRowDto } from '@common/membership/hq';
import { api, call } from '../../api/client';
import { beijing } from '../../format';

const columns: ProColumns<HqMemberRowDto>[] = [
  { title: '搜索', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '会员ID、手机号或昵称' } },
  { title: '会员ID', dataIndex: 'id', search: false },
  { title: '昵称', dataIndex: 'nickname', search: false, render: (_, m) => <Space><Avatar size="small" src={m.avatarUrl ?? undefined}>{m.nickname.slice(0, 1)}</Avatar>{m.nickname}</Space> },
  {
    title: '分群',
    dataIndex: 'segment',
    valueType: 'select',
    valueEnum: Object.fromEntries(SEGMENT_CODES.map((c) => [c, { text: SEGMENT_LABELS[c] }])),
    render: (_, m) => (m.segment ? <Tag>{SEGMENT_LABELS[m.segment]}</Tag> : '—'),
  },
  { title: '注册时间（北京时间）', dataIndex: 'createdAt', search: false, render: (_, m) => beijing(m.createdAt) },
  { title: '最近登录', dataIndex: 'lastLoginAt', search: false, render: (_, m) => beijing(m.lastLoginAt) },
  { title: '操作', valueType: 'option', render: (_, m) => <Link to={`/members/${m.id}`}>详情</Link> },
];

export default function MemberList() {
  return (
    <ProTable<HqMemberRowDto, { q?: string; segment?: SegmentCode }>
      headerTitle="会员"
      rowKey="id"
      columns={columns}
      pagination={{ defaultPageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: '没有找到会员' }}
      request={async ({ current = 1, pageSize = 20, q, segment }) => {
        const page = await call<HqMemberPage>(api.GET('/api/hq/members', { params: { query: { page: current, pageSize, q: q?.trim() || undefined, segment: segment || undefined } } }));
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
