/** 门店: every store with its default guide and its 到店自提 settings; 新建门店 (a taken code is refused next to the field). */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Form, Input, Select, message } from 'antd';
import { useRef, useState } from 'react';
import { api, call } from '../../api/client';
import { beijing } from '../../format';
import { FormDialog, useSubmit } from '../../form-dialogs';
import type { PickupStoreDto } from '@common/pickup/types';
import { PickupStoreDialog } from '../pickup/PickupStoreDialog';
import type { GuideRow, StoreRow } from './types';

type StoreFields = { name: string; code: string; city: string };

function StoreForm({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<StoreFields>();
  const { busy, submit } = useSubmit<StoreFields>(form, (body) => call(api.POST('/api/hq/stores', { body })), { success: '门店已创建', onDone });
  return (
    <FormDialog title="新建门店" okText="创建" form={form} busy={busy} onFinish={submit} onClose={onClose}>
      <Form.Item name="name" label="门店名称" rules={[{ required: true, whitespace: true, message: '请输入门店名称' }]}><Input maxLength={40} /></Form.Item>
      <Form.Item name="code" label="门店编码" rules={[{ required: true, message: '请输入门店编码' }, { pattern: /^[A-Za-z0-9_-]{1,20}$/, message: '1–20 位字母、数字、- 或 _' }]}><Input maxLength={20} /></Form.Item>
      <Form.Item name="city" label="城市" rules={[{ required: true, whitespace: true, message: '请输入城市' }]}><Input maxLength={20} /></Form.Item>
    </FormDialog>
  );
}

export default function Stores() {
  const ref = useRef<ActionType>();
  const [creating, setCreating] = useState(false);
  const [guides, setGuides] = useState<GuideRow[]>([]);
  const [pickup, setPickup] = useState<PickupStoreDto[]>([]);
  const [editing, setEditing] = useState<PickupStoreDto | null>(null);
  const setDefault = async (storeId: number, guideId: number) => {
    try {
      await call(api.PUT('/api/hq/stores/{id}/default-guide', { params: { path: { id: storeId } }, body: { guideId } }));
      message.success('已设置默认导购');
      ref.current?.reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : '设置失败');
    }
  };
  const columns: ProColumns<StoreRow>[] = [
    { title: '编码', dataIndex: 'code' },
    { title: '门店', dataIndex: 'name' },
    { title: '城市', dataIndex: 'city' },
    {
      title: '默认导购（无专属导购的顾客看到）',
      render: (_, s) => (
        <Select
          style={{ minWidth: 160 }}
          placeholder="未设置"
          value={s.defaultGuideId ?? undefined}
          options={guides.filter((g) => g.storeId === s.id && g.status === 'active').map((g) => ({ value: g.id, label: g.name }))}
          notFoundContent="该门店暂无在职导购"
          onChange={(v: number) => setDefault(s.id, v)}
        />
      ),
    },
    {
      title: '到店自提',
      render: (_, s) => {
        const p = pickup.find((x) => x.storeId === s.id);
        return p ? <Button size="small" className="pickup-settings" onClick={() => setEditing(p)}>{p.enabled ? '已开放' : '未开放'} · 设置</Button> : null;
      },
    },
    { title: '创建时间', render: (_, s) => beijing(s.createdAt) },
  ];
  return (
    <>
      <ProTable<StoreRow>
        headerTitle="门店"
        rowKey="id"
        actionRef={ref}
        search={false}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '还没有门店，点击「新建门店」添加' }}
        toolBarRender={() => [<Button key="new" type="primary" onClick={() => setCreating(true)}>新建门店</Button>]}
        request={async () => {
          const [stores, all, profiles] = await Promise.all([call<StoreRow[]>(api.GET('/api/hq/stores')), call<GuideRow[]>(api.GET('/api/hq/guides', { params: { query: {} } })), call<PickupStoreDto[]>(api.GET('/api/hq/pickup/stores'))]);
          setGuides(all);
          setPickup(profiles);
          return { data: stores, success: true };
        }}
      />
      {editing && <PickupStoreDialog store={editing} onClose={() => setEditing(null)} onDone={() => { setEditing(null); ref.current?.reload(); }} />}
      {creating && <StoreForm onClose={() => setCreating(false)} onDone={() => { setCreating(false); ref.current?.reload(); }} />}
    </>
  );
}
