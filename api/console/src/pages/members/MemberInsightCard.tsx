/** 会员详情's 分群与标签: RFM figures, the segment, rule tags, and HQ's manual tags (operators edit them). */
import { Button, Card, Descriptions, Select, Skeleton, Space, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { HqRole } from '@common/auth/types';
import { HQ_OPERATORS } from '@common/hq/roles';
import { SEGMENT_LABELS } from '@common/insight/rfm';
import { MAX_MANUAL_TAGS, RULE_TAG_LABELS } from '@common/insight/tags';
import type { MemberInsightDto } from '@common/insight/types';
import { api, ApiError, call } from '../../api/client';
import { loadError } from '../../forms';
import { yuan } from '../../format';
import { currentSession } from '../../session';

const high = (yes: boolean | undefined) => (yes ? <Tag color="green">高</Tag> : <Tag>低</Tag>);

export default function MemberInsightCard({ id }: { id: number }) {
  const [data, setData] = useState<MemberInsightDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const canEdit = HQ_OPERATORS.includes((currentSession()?.role ?? '') as HqRole);

  const load = useCallback(async () => {
    try {
      const d = await call<MemberInsightDto>(api.GET('/api/hq/insight/members/{id}', { params: { path: { id } } }));
      setData(d);
      setTags(d.manualTags);
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? '暂无分群数据（会员注册后由任务生成）' : loadError(err));
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const save = async () => {
    setBusy(true);
    try {
      const saved = await call<{ manualTags: string[] }>(api.PUT('/api/hq/insight/members/{id}/tags', { params: { path: { id } }, body: { tags } }));
      setTags(saved.manualTags);
      message.success('标签已保存');
    } catch (err) {
      message.error(loadError(err));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <Card title="分群与标签" style={{ marginBottom: 16 }}><Typography.Text type="secondary">{error}</Typography.Text></Card>;
  if (!data) return <Card title="分群与标签" style={{ marginBottom: 16 }}><Skeleton active paragraph={{ rows: 2 }} /></Card>;
  return (
    <Card title="分群与标签" style={{ marginBottom: 16 }}>
      <Descriptions column={4} size="small">
        <Descriptions.Item label="分群"><Tag color="blue">{SEGMENT_LABELS[data.segment]}</Tag></Descriptions.Item>
        <Descriptions.Item label="最近消费">{data.recencyDays === null ? '未消费' : `${data.recencyDays} 天前`} {high(data.scores?.r)}</Descriptions.Item>
        <Descriptions.Item label="近 365 天订单">{data.frequency} 单 {high(data.scores?.f)}</Descriptions.Item>
        <Descriptions.Item label="近 365 天实付">¥{yuan(data.monetaryFen)} {high(data.scores?.m)}</Descriptions.Item>
        <Descriptions.Item label="最近访问">{data.lastVisitDay ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="拼团/用券订单">{data.promoOrders}</Descriptions.Item>
        <Descriptions.Item label="行为标签" span={2}>
          {data.ruleTags.length ? data.ruleTags.map((t) => <Tag key={t} color="gold">{RULE_TAG_LABELS[t]}</Tag>) : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 8 }}>
        <span>手动标签</span>
        <Select mode="tags" style={{ minWidth: 320 }} value={tags} onChange={(v) => setTags(v.slice(0, MAX_MANUAL_TAGS))} disabled={!canEdit} placeholder={canEdit ? '输入后回车添加' : '无'} />
        {canEdit && <Button onClick={save} loading={busy}>保存标签</Button>}
      </Space>
    </Card>
  );
}
