/** 分群发券: push a coupon template to a segment or a tag, and what each push did (领取、使用、用券订单 GMV). */
import { Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { CouponTemplateDto } from '@common/coupon/types';
import { SEGMENT_CODES, SEGMENT_LABELS, type SegmentCode } from '@common/insight/rfm';
import { RULE_TAG_LABELS, RULE_TAGS, type RuleTag } from '@common/insight/tags';
import type { PushTarget, SegmentPushStatsDto } from '@common/insight/types';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { FormDialog, loadError, useSubmit } from '../../forms';
import { beijing, yuan } from '../../format';

interface Values {
  batchKey: string;
  templateId: number;
  target: string;
}

const PUSH = 'POST /api/hq/insight/pushes';

export const targetLabel = (t: PushTarget) => (t.kind === 'segment' ? SEGMENT_LABELS[t.segment] : RULE_TAG_LABELS[t.tag]);
const TARGETS = [
  ...SEGMENT_CODES.map((s) => ({ value: `segment:${s}`, label: `分群 · ${SEGMENT_LABELS[s]}` })),
  ...RULE_TAGS.map((t) => ({ value: `tag:${t}`, label: `标签 · ${RULE_TAG_LABELS[t]}` })),
];
const toTarget = (v: string): PushTarget => {
  const [kind, code] = v.split(':');
  return kind === 'segment' ? { kind: 'segment', segment: code as SegmentCode } : { kind: 'tag', tag: code as RuleTag };
};

function PushDialog({ initialTarget, onClose, onDone }: { initialTarget: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [templates, setTemplates] = useState<CouponTemplateDto[]>([]);
  useEffect(() => void call<CouponTemplateDto[]>(api.GET('/api/hq/coupon-templates')).then((t) => setTemplates(t.filter((x) => x.active)), () => setTemplates([])), []);
  const [busy, submit] = useSubmit<Values>(
    form,
    async (v) => call(api.POST('/api/hq/insight/pushes', { body: { batchKey: v.batchKey.trim(), templateId: v.templateId, target: toTarget(v.target) } })),
    { success: '已开始发券，每位会员只发一张', onDone, rename: { kind: '', segment: '', tag: '' } },
  );
  const batchKey = `seg-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${Math.random().toString(36).slice(2, 6)}`;
  return (
    <FormDialog title="向分群发券" okText="发券" form={form} busy={busy} onFinish={submit} onClose={onClose} initialValues={{ target: initialTarget, batchKey }}>
      <Form.Item name="target" label="发给" rules={rulesFor(PUSH, 'target', { label: '分群或标签', pick: true })}>
        <Select options={TARGETS} />
      </Form.Item>
      <Form.Item name="templateId" label="优惠券" rules={rulesFor(PUSH, 'templateId', { label: '优惠券', pick: true })}>
        <Select placeholder="选择优惠券模板" options={templates.map((t) => ({ value: t.id, label: `${t.name}（剩余 ${t.totalQuota - t.issuedCount} 张）` }))} />
      </Form.Item>
      <Form.Item name="batchKey" label="批次号" extra="同一批次号重复提交不会重复发券" rules={rulesFor(PUSH, 'batchKey', { label: '批次号', hint: '1–32 位字母、数字及 _ . : -', parse: (v) => String(v).trim() })}>
        <Input maxLength={32} />
      </Form.Item>
    </FormDialog>
  );
}

export default function SegmentPushes({ canPush, target, reloadKey }: { canPush: boolean; target: string; reloadKey: number }) {
  const [rows, setRows] = useState<SegmentPushStatsDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    setError(null);
    call<SegmentPushStatsDto[]>(api.GET('/api/hq/insight/pushes')).then(setRows, (err) => setError(loadError(err)));
  }, [tick, reloadKey]);
  return (
    <Card title="分群发券" extra={canPush && <Button type="primary" onClick={() => setOpen(true)}>向分群发券</Button>}>
      <Table<SegmentPushStatsDto>
        rowKey="id"
        size="small"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: error ?? '还没有分群发券记录' }}
        columns={[
          { title: '批次号', dataIndex: 'batchKey' },
          { title: '发给', render: (_, p) => targetLabel(p.target) },
          { title: '优惠券', dataIndex: 'templateName' },
          { title: '状态', render: (_, p) => (p.status === 'done' ? <Tag color="green">已发完</Tag> : <Tag color="blue">发放中</Tag>) },
          { title: '目标人数', dataIndex: 'members' },
          { title: '领取', dataIndex: 'received' },
          { title: '使用', dataIndex: 'used' },
          { title: '用券订单 GMV（元）', render: (_, p) => yuan(p.gmvFen) },
          { title: '发起时间', render: (_, p) => beijing(p.createdAt) },
        ]}
      />
      {open && (
        <PushDialog
          initialTarget={target}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            setTick((t) => t + 1);
          }}
        />
      )}
    </Card>
  );
}
