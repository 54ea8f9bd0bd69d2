/** 发放 / 扣减积分 with a reason: the API refuses a bad amount or an empty reason next to the field; a deduction past the balance is a 409 shown as a message. */
import { Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { FormDialog, useSubmit } from '../../forms';

interface Fields {
  direction: 'grant' | 'deduct';
  points: number;
  reason: string;
}

export function AdjustPointsModal({ memberId, open, onClose, onDone }: { memberId: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Fields>();
  // One key per opened dialog: a retried click adjusts once (the API's Idempotency-Key).
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [busy, submit] = useSubmit<Fields>(
    form,
    ({ direction, points, reason }) =>
      call(api.POST(direction === 'grant' ? '/api/hq/points/grant' : '/api/hq/points/deduct', { body: { memberId, points, reason }, headers: { 'Idempotency-Key': key } })),
    {
      success: '积分已调整',
      onDone: () => {
        form.resetFields();
        setKey(crypto.randomUUID());
        onDone();
      },
    },
  );
  return (
    <FormDialog title="调整积分" open={open} form={form} busy={busy} onFinish={submit} onClose={onClose} initialValues={{ direction: 'grant' }}>
      <Form.Item name="direction" label="类型">
        <Radio.Group options={[{ label: '发放', value: 'grant' }, { label: '扣减', value: 'deduct' }]} optionType="button" />
      </Form.Item>
      <Form.Item name="points" label="积分" rules={rulesFor('POST /api/hq/points/grant', 'points', { label: '积分数量' })}>
        <InputNumber id="adjust-points" precision={0} style={{ width: '100%' }} placeholder="正整数" />
      </Form.Item>
      <Form.Item name="reason" label="原因" rules={rulesFor('POST /api/hq/points/grant', 'reason', { label: '原因' })}>
        <Input id="adjust-reason" maxLength={64} showCount placeholder="例如：客诉补偿、活动奖励" />
      </Form.Item>
    </FormDialog>
  );
}
