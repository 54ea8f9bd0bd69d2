/** 团与名额: a campaign's groups (open first), each with its seats: who, leader, paid or awaiting payment. */
import { Alert, Avatar, Drawer, Segmented, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { GroupStatus } from '@common/groupbuy/state';
import type { CampaignDto, GroupDto } from '@common/groupbuy/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { beijing } from '../../format';

const GROUP_LABELS: Record<GroupStatus, { text: string; color: string }> = {
  open: { text: '拼团中', color: 'blue' },
  succeeded: { text: '已成团', color: 'green' },
  failed: { text: '未成团', color: 'default' },
};

export function GroupsDrawer({ campaign, onClose }: { campaign: CampaignDto; onClose: () => void }) {
  const [status, setStatus] = useState<GroupStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<GroupDto> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    call<Page<GroupDto>>(
      api.GET('/api/hq/groupbuy/campaigns/{id}/groups', { params: { path: { id: campaign.id }, query: { page, pageSize: 20, status: status === 'all' ? undefined : status } } }),
    )
      .then(setData)
      .catch((err: Error) => setError(err.message));
  }, [campaign.id, status, page]);
  return (
    <Drawer open width={760} title={`团与名额：${campaign.title}`} onClose={onClose}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented
          value={status}
          onChange={(v) => (setStatus(v as GroupStatus | 'all'), setPage(1))}
          options={[{ value: 'all', label: '全部' }, ...Object.entries(GROUP_LABELS).map(([value, l]) => ({ value, label: l.text }))]}
        />
        {error && <Alert type="error" showIcon message={`加载失败：${error}`} />}
        <Table<GroupDto>
          size="small"
          rowKey="id"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '还没有人开团' }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '团号', dataIndex: 'id' },
            { title: '状态', dataIndex: 'status', render: (s: GroupStatus) => <Tag color={GROUP_LABELS[s].color}>{GROUP_LABELS[s].text}</Tag> },
            { title: '名额', render: (_, g) => `已付 ${g.seatsPaid} / 已占 ${g.seatsTaken} / 共 ${g.size}` },
            { title: '截止（北京时间）', dataIndex: 'expiresAt', render: (v: string) => beijing(v) },
            {
              title: '成员',
              render: (_, g) => (
                <Space wrap>
                  {g.members.map((m, i) => (
                    <Tag key={i} icon={<Avatar size={16} src={m.avatarUrl ?? undefined} style={{ marginRight: 4 }} />} color={m.paid ? 'green' : 'orange'}>
                      {m.nickname}
                      {m.leader ? '（团长）' : ''}
                      {m.paid ? '' : ' 待支付'}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}
