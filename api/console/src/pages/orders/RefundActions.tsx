/**
 * 退款审核 actions: approve all or part of a requested refund, reject it with a reason, and issue a
 * refund HQ starts itself (partial allowed). Amounts are typed in yuan; the API's refusals show on
 * the field they name (amountFen → 退款金额).
 */
import { Button, Form, Input, Modal, Space, message } from 'antd';
import { useState } from 'react';
import type { RefundDto } from '@common/order/types';
import { api, call } from '../../api/client';
import { yuan } from '../../format';
import { rulesFor, toApiValue } from '../../api/rules';
import { toFen, toYuanText, useSubmit } from '../../forms';

const RENAME = { amountFen: 'amountYuan' };

type Mode = { kind: 'approve'; refund: RefundDto } | { kind: 'reject'; refund: RefundDto } | { kind: 'issue'; orderId: number; maxFen: number };

function RefundModal({ mode, onDone }: { mode: Mode; onDone: (changed: boolean) => void }) {
  const [form] = Form.useForm<{ amountYuan: string; reason: string }>();
  const max = mode.kind === 'issue' ? mode.maxFen : mode.refund.amountFen;
  const [busy, submit] = useSubmit(
    form,
    async (v: { amountYuan: string; reason: string }) => {
      if (mode.kind === 'approve') {
        const amountFen = toFen(v.amountYuan);
        await call(api.POST('/api/hq/refunds/{id}/approve', { params: { path: { id: mode.refund.id } }, body: amountFen === mode.refund.amountFen ? {} : { amountFen } }));
        message.success('已同意退款');
      } else if (mode.kind === 'reject') {
        await call(api.POST('/api/hq/refunds/{id}/reject', { params: { path: { id: mode.refund.id } }, body: { reason: v.reason } }));
        message.success('已拒绝退款申请');
      } else {
        await call(api.POST('/api/hq/orders/{id}/refunds', { params: { path: { id: mode.orderId } }, body: { amountFen: toFen(v.amountYuan), reason: v.reason } }));
        message.success('已发起退款');
      }
      onDone(true);
    },
    { rename: RENAME },
  );
  const title = mode.kind === 'approve' ? '同意退款' : mode.kind === 'reject' ? '拒绝退款' : '发起退款';
  return (
    <Modal open title={title} okText={title} confirmLoading={busy} onOk={() => form.submit()} onCancel={() => onDone(false)}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ amountYuan: toYuanText(max), reason: mode.kind === 'approve' ? '' : undefined }}>
        {mode.kind !== 'issue' && <p>申请金额 {yuan(mode.refund.amountFen)}，原因：{mode.refund.reason}</p>}
        {mode.kind !== 'reject' && (
          <Form.Item name="amountYuan" label={`退款金额（元，最多 ${yuan(max)}，可部分退款）`} rules={[...rulesFor('POST /api/hq/orders/{id}/refunds', 'amountFen', { label: '退款金额', unit: 'yuan', required: true }), { validator: async (_r, v) => { if (toApiValue(v, { unit: 'yuan' }) as number > max) throw new Error(`不能超过 ${yuan(max)}`); } }]}>
            <Input prefix="¥" id="refund-amount" />
          </Form.Item>
        )}
        {mode.kind !== 'approve' && (
          <Form.Item name="reason" label={mode.kind === 'reject' ? '拒绝原因（顾客可见）' : '退款原因'} rules={rulesFor(mode.kind === 'reject' ? 'POST /api/hq/refunds/{id}/reject' : 'POST /api/hq/orders/{id}/refunds', 'reason', { label: '原因' })}>
            <Input.TextArea rows={3} maxLength={80} id="refund-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 同意 / 拒绝 for a requested refund. */
export function RefundReviewButtons({ refund, onChanged }: { refund: RefundDto; onChanged: () => void }) {
  const [mode, setMode] = useState<Mode | null>(null);
  if (refund.status !== 'requested') return null;
  return (
    <Space>
      <Button size="small" type="primary" onClick={() => setMode({ kind: 'approve', refund })}>
        同意
      </Button>
      <Button size="small" danger onClick={() => setMode({ kind: 'reject', refund })}>
        拒绝
      </Button>
      {mode && <RefundModal mode={mode} onDone={(changed) => (setMode(null), changed && onChanged())} />}
    </Space>
  );
}

/** 发起退款 on an order (HQ's own, e.g. a goodwill partial refund). */
export function IssueRefundButton({ orderId, maxFen, onChanged }: { orderId: number; maxFen: number; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={maxFen <= 0}>
        发起退款
      </Button>
      {open && <RefundModal mode={{ kind: 'issue', orderId, maxFen }} onDone={(changed) => (setOpen(false), changed && onChanged())} />}
    </>
  );
}
