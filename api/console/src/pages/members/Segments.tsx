/**
 * 会员分群: the RFM segment distribution and behaviour tags (click a slice to list its members),
 * the members of a segment or tag, coupon pushes to a segment, and the RFM thresholds. A store
 * manager sees their own store's customers and neither thresholds nor pushes.
 */
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Card, Empty, Result, Skeleton, Space, Tag } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { HQ_OPERATORS, HQ_WIDE } from '@common/hq/roles';
import { SEGMENT_CODES, SEGMENT_LABELS } from '@common/insight/rfm';
import { RULE_TAG_LABELS, RULE_TAGS } from '@common/insight/tags';
import type { InsightThresholdsDto, SegmentDistributionDto, SegmentMemberRowDto } from '@common/insight/types';
import type { Page } from '@common/paging';
import type { HqRole } from '@common/auth/types';
import { api, call } from '../../api/client';
import { loadError } from '../../forms';
import { yuan } from '../../format';
import { currentSession } from '../../session';
import InsightThresholds from './InsightThresholds';
import SegmentPushes from './SegmentPushes';

const SegmentCharts = lazy(() => import('./SegmentCharts'));

type Filter = { segment?: string; tag?: string };

const columns: ProColumns<SegmentMemberRowDto>[] = [
  { title: '分群', dataIndex: 'segment', valueType: 'select', valueEnum: Object.fromEntries(SEGMENT_CODES.map((s) => [s, { text: SEGMENT_LABELS[s] }])), render: (_, r) => SEGMENT_LABELS[r.segment] },
  { title: '标签', dataIndex: 'tag', valueType: 'select', valueEnum: Object.fromEntries(RULE_TAGS.map((t) => [t, { text: RULE_TAG_LABELS[t] }])), hideInTable: true },
  { title: '会员ID', dataIndex: 'memberId', search: false },
  { title: '昵称', dataIndex: 'nickname', search: false },
  {
    title: '标签',
    search: false,
    render: (_, r) => (
      <Space size={[4, 4]} wrap>
        {r.ruleTags.map((t) => <Tag key={t} color="gold">{RULE_TAG_LABELS[t]}</Tag>)}
        {r.manualTags.map((t) => <Tag key={t}>{t}</Tag>)}
      </Space>
    ),
  },
  { title: '近 365 天订单', dataIndex: 'frequency', search: false },
  { title: '近 365 天实付（元）', search: false, render: (_, r) => yuan(r.monetaryFen) },
  { title: '最近访问', dataIndex: 'lastVisitDay', search: false, render: (_, r) => r.lastVisitDay ?? '—' },
  { title: '操作', valueType: 'option', render: (_, r) => <Link to={`/members/${r.memberId}`}>详情</Link> },
];

export default function Segments() {
  const role = (currentSession()?.role ?? '') as HqRole;
  const wide = HQ_WIDE.includes(role);
  const [dist, setDist] = useState<SegmentDistributionDto | null>(null);
  const [thresholds, setThresholds] = useState<InsightThresholdsDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>({});
  const load = useCallback(async () => {
    setError(null);
    try {
      setDist(await call<SegmentDistributionDto>(api.GET('/api/hq/insight/segments')));
      if (wide) setThresholds(await call<InsightThresholdsDto>(api.GET('/api/hq/insight/thresholds')));
    } catch (err) {
      setError(loadError(err));
    }
  }, [wide]);
  useEffect(() => void load(), [load]);
  const pick = useCallback((segment: string) => setFilter({ segment }), []);

  if (error) return <Result status="error" title="会员分群加载失败" subTitle={error} extra={<Button onClick={load}>重试</Button>} />;
  return (
    <PageContainer title="会员分群" content={dist?.scoredDay ? `每晚按 RFM 重新评分；最近评分日 ${dist.scoredDay}（北京时间）` : '每晚按 RFM 重新评分'}>
      <Card title={`分群分布（共 ${dist?.total ?? '…'} 位会员）`} style={{ marginBottom: 16 }}>
        {!dist && <Skeleton active paragraph={{ rows: 6 }} />}
        {dist && dist.total === 0 && <Empty description="还没有会员" />}
        {dist && dist.total > 0 && (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <SegmentCharts data={dist} onPick={pick} />
          </Suspense>
        )}
      </Card>
      <ProTable<SegmentMemberRowDto, Filter>
        headerTitle="分群会员"
        rowKey="memberId"
        columns={columns}
        params={filter}
        form={{ onValuesChange: (_c, all: Filter) => setFilter(all) }}
        pagination={{ defaultPageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '该分群暂无会员' }}
        style={{ marginBottom: 16 }}
        request={async ({ current = 1, pageSize = 20, segment, tag }) => {
          const query = { page: current, pageSize, segment: segment || undefined, tag: tag || undefined } as Record<string, unknown>;
          const page = await call<Page<SegmentMemberRowDto>>(api.GET('/api/hq/insight/members', { params: { query: query as never } }));
          return { data: page.items, total: page.total, success: true };
        }}
      />
      {wide && <SegmentPushes canPush={HQ_OPERATORS.includes(role)} target={filter.segment ? `segment:${filter.segment}` : 'tag:dormant'} reloadKey={0} />}
      {wide && thresholds && (
        <div style={{ marginTop: 16 }}>
          <InsightThresholds data={thresholds} canEdit={HQ_OPERATORS.includes(role)} onSaved={setThresholds} />
        </div>
      )}
    </PageContainer>
  );
}
