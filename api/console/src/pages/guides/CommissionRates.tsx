/** 佣金比例: the default rate, and the rates HQ set per product or category (a product's rate wins over its category's), paged on the server by scope and id. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Form, InputNumber, Radio } from 'antd';
import { useRef, useState } from 'react';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { rulesFor, toApiValue } from '../../api/rules';
import { FormDialog, useSubmit } from '../../forms';

interface RateRow {
  scope: 'product' | 'category';
  refId: number;
  rateBp: number;
}
interface Fields {
  scope: 'product' | 'category';
  refId: number;
  ratePct: number;
}
const pct = (bp: number) => `${(bp / 100).toFixed(2)}%`;

function RateDialog({ initial, onClose, onDone }: { initial?: RateRow; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Fields>();
  const [busy, submit] = useSubmit<Fields>(form, (v) => call(api.PUT('/api/hq/commission-rates', { body: { scope: v.scope, refId: v.refId, rateBp: toApiValue(v.ratePct, { unit: 'percent' }) as number } })), {
    success: '佣金比例已保存，对此后支付的订单生效',
    onDone,
    rename: { rateBp: 'ratePct' },
  });
  return (
    <FormDialog title="设置佣金比例" form={form} busy={busy} onFinish={submit} onClose={onClose} initialValues={initial ? { ...initial, ratePct: initial.rateBp / 100 } : { scope: 'product' }}>
      <Form.Item name="scope" label="范围">
        <Radio.Group optionType="button" options={[{ label: '商品', value: 'product' }, { label: '分类', value: 'category' }]} disabled={!!initial} />
      </Form.Item>
      <Form.Item name="refId" label="商品或分类 ID" rules={rulesFor('PUT /api/hq/commission-rates', 'refId', { label: 'ID' })}>
        <InputNumber precision={0} min={1} style={{ width: '100%' }} disabled={!!initial} />
      </Form.Item>
      <Form.Item name="ratePct" label="佣金比例" rules={rulesFor('PUT /api/hq/commission-rates', 'rateBp', { label: '佣金比例', unit: 'percent' })}>
        <InputNumber precision={2} step={0.5} addonAfter="%" style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}

export default function CommissionRates() {
  const ref = useRef<ActionType>();
  const [defaultBp, setDefaultBp] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ row?: RateRow } | null>(null);
  const columns: ProColumns<RateRow>[] = [
    { title: '范围', dataIndex: 'scope', valueType: 'select', valueEnum: { product: { text: '商品' }, category: { text: '分类' } } },
    { title: 'ID', dataIndex: 'refId', valueType: 'digit', fieldProps: { precision: 0, min: 1, placeholder: '商品或分类 ID' } },
    { title: '佣金比例', dataIndex: 'rateBp', search: false, align: 'right', render: (_, r) => pct(r.rateBp) },
    { title: '操作', valueType: 'option', render: (_, r) => <Button type="link" size="small" onClick={() => setEditing({ row: r })}>修改</Button> },
  ];
  return (
    <>
      <ProTable<RateRow, { scope?: RateRow['scope']; refId?: number }>
        headerTitle={defaultBp === null ? '佣金比例' : `佣金比例（未单独设置时按默认 ${pct(defaultBp)}）`}
        rowKey={(r) => `${r.scope}:${r.refId}`}
        actionRef={ref}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 条` }}
        locale={{ emptyText: '没有单独设置的比例，按默认比例计佣' }}
        toolBarRender={() => [<Button key="new" type="primary" onClick={() => setEditing({})}>设置比例</Button>]}
        request={async ({ current = 1, pageSize = 20, scope, refId }) => {
          const query = { page: current, pageSize, scope: scope || undefined, refId: refId ? Number(refId) : undefined };
          const r = await call<Page<RateRow> & { defaultBp: number }>(api.GET('/api/hq/commission-rates', { params: { query } }));
          setDefaultBp(r.defaultBp);
          return { data: r.items, total: r.total, success: true };
        }}
      />
      {editing && <RateDialog initial={editing.row} onClose={() => setEditing(null)} onDone={() => { setEditing(null); ref.current?.reload(); }} />}
    </>
  );
}
