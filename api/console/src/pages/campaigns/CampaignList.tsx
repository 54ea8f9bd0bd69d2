/**
 * 拼团秒杀: every campaign with 已售 / 待支付 / 剩余 refreshed every few seconds while the page is
 * visible; create, edit, 发布 (schedule: takes the stock out of the SKU) and 提前结束.
 */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Image, Popconfirm, Progress, Space, Tag, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CampaignDto } from '@common/groupbuy/types';
import type { CampaignStatus } from '@common/groupbuy/state';
import { api, call } from '../../api/client';
import { beijing, yuan } from '../../format';
import { usePolling } from '../../usePolling';
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

export default function CampaignList() {
  const [rows, setRows] = useState<CampaignDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<CampaignDto | 'new' | null>(null);
  const [groupsOf, setGroupsOf] = useState<CampaignDto | null>(null);
  const load = useCallback(() => {
    call<CampaignDto[]>(api.GET('/api/hq/groupbuy/campaigns'))
      .then((r) => (setRows(r), setError(null)))
      .catch((err: Error) => setError(err.message));
  }, []);
  useEffect(load, [load]);
  // A quiet refresh (the table keeps its rows, no spinner) so the figures change in place.
  usePolling(load, POLL_MS);

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
    { title: '商品', dataIndex: 'image', width: 64, render: (_, c) => (c.image ? <Image src={c.image} width={44} height={44} /> : '—') },
    { title: '活动', dataIndex: 'title', render: (_, c) => <Space direction="vertical" size={0}><b>{c.title}</b><span>{c.specLabel}</span></Space> },
    { title: '状态', dataIndex: 'status', render: (_, c) => <Tag color={CAMPAIGN_STATUS_LABELS[c.status].color}>{CAMPAIGN_STATUS_LABELS[c.status].text}</Tag> },
    { title: '拼团价 / 原价', render: (_, c) => `${yuan(c.groupPriceFen)} / ${yuan(c.soloPriceFen)}` },
    { title: '成团人数', dataIndex: 'groupSize', align: 'right' },
    {
      title: '已售 / 待支付 / 剩余',
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
    { title: '时间（北京时间）', render: (_, c) => <span>{beijing(c.startAt)}<br />至 {beijing(c.endAt)}</span> },
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
      <ProTable<CampaignDto>
        headerTitle="拼团秒杀（已售、待支付、剩余每 5 秒刷新）"
        rowKey="id"
        search={false}
        dataSource={rows ?? []}
        loading={rows === null && !error}
        columns={columns}
        pagination={false}
        locale={{ emptyText: '暂无拼团活动，点击「新建活动」创建' }}
        options={{ reload: load, density: false, setting: false }}
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
