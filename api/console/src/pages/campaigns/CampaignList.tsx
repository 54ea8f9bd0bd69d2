/**
 * 拼团秒杀: the campaigns, paged on the server and filtered by status, title and start day, with
 * 已售 / 待支付 / 剩余 refreshed every few seconds while the page is visible; create, edit, 发布
 * (schedule: takes the stock out of the SKU) and 提前结束.
 */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Image, Popconfirm, Progress, Space, Tag, message } from 'antd';
import { useRef, useState } from 'react';
import type { CampaignDto } from '@common/groupbuy/types';
import type { CampaignStatus } from '@common/groupbuy/state';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { beijing, yuan } from '../../format';
import { usePageVisible } from '../../usePolling';
import { CampaignForm } from './CampaignForm';
import { GroupsDrawer } from './GroupsDrawer';

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, { text: string; color: string }> = {
  draft: { text: '草稿', color: 'default' },
  scheduled: { text: '未开始', color: 'blue' },
  running: { text: '进行中', color: 'green' },
  ended: { text: '已结束', color: 'default' },
};

/** Seconds between refreshes of sold/held/left. */
const POLL_MS = 5000;

type Search = { keyword?: string; status?: CampaignStatus; startDay?: [string, string] };

export default function CampaignList() {
  const ref = useRef<ActionType>();
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<CampaignDto | 'new' | null>(null);
  const [groupsOf, setGroupsOf] = useState<CampaignDto | null>(null);
  const visible = usePageVisible();
  const load = () => ref.current?.reload();

  const act = async (c: CampaignDto, what: 'schedule' | 'end') => {
    try {
      if (what === 'schedule') await call(api.POST('/api/hq/groupbuy/campaigns/{id}/schedule', { params: { path: { id: c.id } } }));
      else await call(api.POST('/api/hq/groupbuy/campaigns/{id}/end', { params: { path: { id: c.id } } }));
      message.success(what === 'schedule' ? '已发布' : '活动已结束');
      load();
    } catch (err) {
      message.error(err instanceof Error ? err.message : '操作失败');
    }
  };

  const columns: ProColumns<CampaignDto>[] = [
    { title: '活动名称', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '名称包含', maxLength: 40 } },
    { title: '开始日期', dataIndex: 'startDay', valueType: 'dateRange', hideInTable: true },
    { title: '商品', dataIndex: 'image', search: false, width: 64, render: (_, c) => (c.image ? <Image src={c.image} width={44} height={44} /> : '—') },
    { title: '活动', dataIndex: 'title', search: false, render: (_, c) => <Space direction="vertical" size={0}><b>{c.title}</b><span>{c.specLabel}</span></Space> },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.entries(CAMPAIGN_STATUS_LABELS).map(([k, v]) => [k, { text: v.text }])),
      render: (_, c) => <Tag color={CAMPAIGN_STATUS_LABELS[c.status].color}>{CAMPAIGN_STATUS_LABELS[c.status].text}</Tag> },
    { title: '拼团价 / 原价', search: false, render: (_, c) => `${yuan(c.groupPriceFen)} / ${yuan(c.soloPriceFen)}` },
    { title: '成团人数', dataIndex: 'groupSize', search: false, align: 'right' },
    {
      title: '已售 / 待支付 / 剩余',
      search: false,
      width: 220,
      render: (_, c) => (
        <Space direction="vertical" size={0} style={{ width: '100%' }}>
          <span className="campaign-counts">
            {c.sold} / {c.held} / {c.left}（共 {c.stockTotal}）
          </span>
          <Progress size="small" percent={c.stockTotal ? Math.round(((c.sold + c.held) / c.stockTotal) * 100) : 0} success={{ percent: c.stockTotal ? Math.round((c.sold / c.stockTotal) * 100) : 0 }} showInfo={false} />
        </Space>
      ),
    },
    { title: '时间（北京时间）', search: false, render: (_, c) => <span>{beijing(c.startAt)}<br />至 {beijing(c.endAt)}</span> },
    {
      title: '操作',
      valueType: 'option',
      render: (_, c) => (
        <Space>
          {c.status !== 'ended' && <a onClick={() => setEditing(c)}>编辑</a>}
          {c.status === 'draft' && (
            <Popconfirm title={`发布后将从商品库存划出 ${c.stockTotal} 件，确定发布？`} onConfirm={() => act(c, 'schedule')}>
              <a>发布</a>
            </Popconfirm>
          )}
          {c.status !== 'ended' && (
            <Popconfirm title="提前结束：未成团的团将失败并退款，剩余库存退回商品。确定？" onConfirm={() => act(c, 'end')}>
              <a style={{ color: '#cf1322' }}>{c.status === 'draft' ? '作废' : '提前结束'}</a>
            </Popconfirm>
          )}
          <a onClick={() => setGroupsOf(c)}>团与名额</a>
        </Space>
      ),
    },
  ];

  return (
    <>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`活动加载失败：${error}（将自动重试）`} />}
      <ProTable<CampaignDto, Search>
        headerTitle="拼团秒杀（已售、待支付、剩余每 5 秒刷新）"
        rowKey="id"
        actionRef={ref}
        columns={columns}
        // A quiet refresh (the table keeps its rows, no spinner) so the figures change in place; only while the tab is visible.
        polling={visible ? POLL_MS : undefined}
        pagination={{ defaultPageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 个活动` }}
        locale={{ emptyText: '没有符合条件的拼团活动，可点击「新建活动」创建' }}
        options={{ density: false, setting: false }}
        onRequestError={(err) => setError(err.message)}
        request={async ({ current = 1, pageSize = 20, keyword, status, startDay }) => {
          const query = { page: current, pageSize, keyword: keyword?.trim() || undefined, status, from: startDay?.[0]?.slice(0, 10), to: startDay?.[1]?.slice(0, 10) };
          const page = await call<Page<CampaignDto>>(api.GET('/api/hq/groupbuy/campaigns', { params: { query } }));
          setError(null);
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() => [
          <Button key="new" type="primary" onClick={() => setEditing('new')}>
            新建活动
          </Button>,
        ]}
      />
      {editing && <CampaignForm editing={editing} onDone={(saved) => (setEditing(null), saved && load())} />}
      {groupsOf && <GroupsDrawer campaign={groupsOf} onClose={() => setGroupsOf(null)} />}
    </>
  );
}
