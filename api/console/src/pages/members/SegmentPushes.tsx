/**
 * 分群发券: push a coupon template to a segment or a tag, and what each push did (领取、使用、用券订单
 * GMV), paged on the server and filtered by segment or tag and the day it was made.
 */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Card, Form, Input, Select, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { CouponTemplateDto } from '@common/coupon/types';
import type { SegmentPushStatsDto } from '@common/insight/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { couponTemplates } from '../../api/options';
import { rulesFor } from '../../api/rules';
import { FormDialog, useSubmit } from '../../forms';
import { beijing, yuan } from '../../format';
import { TARGETS, targetLabel, toTarget } from './push-targets';

interface Values {
  batchKey: string;
  templateId: number;
  target: string;
}

const PUSH = 'POST /api/hq/insight/pushes';

function PushDialog({ initialTarget, onClose, onDone }: { initialTarget: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [templates, setTemplates] = useState<CouponTemplateDto[]>([]);
  useEffect(() => void couponTemplates(true).then(setTemplates, () => setTemplates([])), []);
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

type Search = { target?: string; createdDay?: [string, string] };

const columns: ProColumns<SegmentPushStatsDto>[] = [
  { title: '批次号', dataIndex: 'batchKey', search: false },
  { title: '发给', dataIndex: 'target', valueType: 'select', fieldProps: { options: TARGETS, placeholder: '全部分群与标签' }, render: (_, p) => targetLabel(p.target) },
  { title: '优惠券', dataIndex: 'templateName', search: false },
  { title: '状态', search: false, render: (_, p) => (p.status === 'done' ? <Tag color="green">已发完</Tag> : <Tag color="blue">发放中</Tag>) },
  { title: '目标人数', dataIndex: 'members', search: false },
  { title: '领取', dataIndex: 'received', search: false },
  { title: '使用', dataIndex: 'used', search: false },
  { title: '用券订单 GMV（元）', search: false, render: (_, p) => yuan(p.gmvFen) },
  { title: '发起时间', search: false, render: (_, p) => beijing(p.createdAt) },
  { title: '发起日期', dataIndex: 'createdDay', valueType: 'dateRange', hideInTable: true },
];

export default function SegmentPushes({ canPush, target, reloadKey }: { canPush: boolean; target: string; reloadKey: number }) {
  const ref = useRef<ActionType>();
  const [open, setOpen] = useState(false);
  useEffect(() => void ref.current?.reload(), [reloadKey]);
  return (
    <Card title="分群发券" extra={canPush && <Button type="primary" onClick={() => setOpen(true)}>向分群发券</Button>}>
      <ProTable<SegmentPushStatsDto, Search>
        rowKey="id"
        size="small"
        actionRef={ref}
        columns={columns}
        search={{ filterType: 'light' }}
        options={false}
        pagination={{ defaultPageSize: 10, showSizeChanger: false, showTotal: (total) => `共 ${total} 次` }}
        locale={{ emptyText: '没有符合条件的分群发券记录' }}
        request={async ({ current = 1, pageSize = 10, target: t, createdDay }) => {
          const picked = t ? toTarget(t) : null;
          const query = {
            page: current,
            pageSize,
            segment: picked?.kind === 'segment' ? picked.segment : undefined,
            tag: picked?.kind === 'tag' ? picked.tag : undefined,
            from: createdDay?.[0]?.slice(0, 10),
            to: createdDay?.[1]?.slice(0, 10),
          };
          const page = await call<Page<SegmentPushStatsDto>>(api.GET('/api/hq/insight/pushes', { params: { query } }));
          return { data: page.items, total: page.total, success: true };
        }}
      />
      {open && (
        <PushDialog
          initialTarget={target}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            ref.current?.reload();
          }}
        />
      )}
    </Card>
  );
}
