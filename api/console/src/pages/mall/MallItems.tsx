/** 积分商城 → 商品: every item (listed or not), paged on the server and filtered by name, kind and shelf, with stock and redeemed count; 上架, 启停, 增减库存. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Form, InputNumber, Switch, Tag, message } from 'antd';
import { useRef, useState } from 'react';
import type { MallItemDto, MallItemKind } from '@common/pointsmall/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { yuan } from '../../format';
import { rulesFor } from '../../api/rules';
import { FormDialog, useSubmit } from '../../forms';
import { MallItemForm } from './MallItemForm';

function StockDialog({ item, onClose, onDone }: { item: MallItemDto; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ stockDelta: number }>();
  const [busy, submit] = useSubmit<{ stockDelta: number }>(form, ({ stockDelta }) => call(api.PATCH('/api/hq/pointsmall/items/{id}', { params: { path: { id: item.id } }, body: { stockDelta } })), {
    success: '库存已调整',
    onDone,
  });
  return (
    <FormDialog title={`调整库存：${item.title}`} form={form} busy={busy} onFinish={submit} onClose={onClose}>
      <p>当前库存 {item.stock}。输入增加（正数）或减少（负数）的数量。</p>
      <Form.Item name="stockDelta" label="变动" rules={rulesFor('PATCH /api/hq/pointsmall/items/{id}', 'stockDelta', { label: '数量', required: true })}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}

export default function MallItems() {
  const ref = useRef<ActionType>();
  const [creating, setCreating] = useState(false);
  const [stocking, setStocking] = useState<MallItemDto | null>(null);
  const [editing, setEditing] = useState<MallItemDto | null>(null);
  const toggle = async (item: MallItemDto, active: boolean) => {
    try {
      await call(api.PATCH('/api/hq/pointsmall/items/{id}', { params: { path: { id: item.id } }, body: { active } }));
      message.success(active ? '已上架' : '已下架');
      ref.current?.reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : '操作失败');
    }
  };
  const columns: ProColumns<MallItemDto>[] = [
    { title: '名称', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '名称包含', maxLength: 40 } },
    { title: '名称', dataIndex: 'title', search: false },
    { title: '类型', dataIndex: 'kind', valueType: 'select', valueEnum: { goods: { text: '实物' }, coupon: { text: '优惠券' } }, render: (_, i) => (i.kind === 'coupon' ? <Tag color="red">优惠券 {i.couponSummary ?? ''}</Tag> : <Tag>实物 SKU #{i.skuId}</Tag>) },
    { title: '兑换价', search: false, render: (_, i) => (i.cashFen ? `${i.pointsPrice} 积分 + ${yuan(i.cashFen)}` : `${i.pointsPrice} 积分`) },
    { title: '库存', dataIndex: 'stock', search: false, align: 'right' },
    { title: '已兑换', dataIndex: 'redeemedCount', search: false, align: 'right' },
    { title: '每人限兑', dataIndex: 'perMemberLimit', search: false, align: 'right' },
    { title: '上架', dataIndex: 'active', valueType: 'select', valueEnum: { true: { text: '上架中' }, false: { text: '已下架' } }, render: (_, i) => <Switch checked={i.active} checkedChildren="上架" unCheckedChildren="下架" onChange={(v) => toggle(i, v)} /> },
    {
      title: '操作',
      valueType: 'option',
      render: (_, i) => [
        <Button key="edit" size="small" onClick={() => setEditing(i)}>编辑</Button>,
        <Button key="stock" size="small" onClick={() => setStocking(i)}>调整库存</Button>,
      ],
    },
  ];
  return (
    <>
      <ProTable<MallItemDto, { keyword?: string; kind?: MallItemKind; active?: 'true' | 'false' }>
        headerTitle="积分商城商品"
        rowKey="id"
        actionRef={ref}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 件` }}
        locale={{ emptyText: '没有符合条件的积分商城商品，可点击「上架商品」添加' }}
        toolBarRender={() => [<Button key="new" type="primary" onClick={() => setCreating(true)}>上架商品</Button>]}
        request={async ({ current = 1, pageSize = 20, keyword, kind, active }) => {
          const query = { page: current, pageSize, keyword: keyword?.trim() || undefined, kind, active };
          const page = await call<Page<MallItemDto>>(api.GET('/api/hq/pointsmall/items', { params: { query } }));
          return { data: page.items, total: page.total, success: true };
        }}
      />
      <MallItemForm open={creating} onClose={() => setCreating(false)} onDone={() => { setCreating(false); ref.current?.reload(); }} />
      {editing && <MallItemForm open item={editing} onClose={() => setEditing(null)} onDone={() => { setEditing(null); ref.current?.reload(); }} />}
      {stocking && <StockDialog item={stocking} onClose={() => setStocking(null)} onDone={() => { setStocking(null); ref.current?.reload(); }} />}
    </>
  );
}
