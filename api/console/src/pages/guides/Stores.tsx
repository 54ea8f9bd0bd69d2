/** 门店: stores paged on the server (name or code, city), each with its default guide and its 到店自提 settings; 新建门店 (a taken code is refused next to the field). */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Form, Input, Select, message } from 'antd';
import { useRef, useState } from 'react';
import { api, call } from '../../api/client';
import { allGuides } from '../../api/options';
import { beijing } from '../../format';
import { rulesFor } from '../../api/rules';
import { FormDialog, useSubmit } from '../../forms';
import type { Page } from '@common/paging';
import type { PickupStoreDto } from '@common/pickup/types';
import { PickupStoreDialog } from '../pickup/PickupStoreDialog';
import type { GuideRow, StoreRow } from './types';

type StoreFields = { name: string; code: string; city: string };

function StoreForm({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<StoreFields>();
  const [busy, submit] = useSubmit<StoreFields>(form, (body) => call(api.POST('/api/hq/stores', { body })), { success: '门店已创建', onDone });
  return (
    <FormDialog title="新建门店" okText="创建" form={form} busy={busy} onFinish={submit} onClose={onClose}>
      <Form.Item name="name" label="门店名称" rules={rulesFor('POST /api/hq/stores', 'name', { label: '门店名称' })}><Input id="store-name" /></Form.Item>
      <Form.Item name="code" label="门店编码" rules={rulesFor('POST /api/hq/stores', 'code', { label: '门店编码', hint: '1–20 位字母、数字、- 或 _' })}><Input id="store-code" /></Form.Item>
      <Form.Item name="city" label="城市" rules={rulesFor('POST /api/hq/stores', 'city', { label: '城市' })}><Input id="store-city" /></Form.Item>
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
    { title: '门店', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '名称或编码包含', maxLength: 40 } },
    { title: '编码', dataIndex: 'code', search: false },
    { title: '门店', dataIndex: 'name', search: false },
    { title: '城市', dataIndex: 'city', fieldProps: { placeholder: '城市全称', maxLength: 20 } },
    {
      title: '默认导购（无专属导购的顾客看到）',
      search: false,
      render: (_, s) => (
        <Select
          style={{ minWidth: 160 }}
          placeholder="未设置"
          value={s.defaultGuideId ?? undefined}
          options={guides.filter((g) => g.storeId === s.id).map((g) => ({ value: g.id, label: g.name }))}
          notFoundContent="该门店暂无在职导购"
          onChange={(v: number) => setDefault(s.id, v)}
        />
      ),
    },
    {
      title: '到店自提',
      search: false,
      render: (_, s) => {
        const p = pickup.find((x) => x.storeId === s.id);
        return p ? <Button size="small" className="pickup-settings" onClick={() => setEditing(p)}>{p.enabled ? '已开放' : '未开放'} · 设置</Button> : null;
      },
    },
    { title: '创建时间', search: false, render: (_, s) => beijing(s.createdAt) },
  ];
  return (
    <>
      <ProTable<StoreRow, { keyword?: string; city?: string }>
        headerTitle="门店"
        rowKey="id"
        actionRef={ref}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 家` }}
        locale={{ emptyText: '没有符合条件的门店，可点击「新建门店」添加' }}
        toolBarRender={() => [<Button key="new" type="primary" onClick={() => setCreating(true)}>新建门店</Button>]}
        request={async ({ current = 1, pageSize = 20, keyword, city }) => {
          const query = { page: current, pageSize, keyword: keyword?.trim() || undefined, city: city?.trim() || undefined };
          const [stores, active, profiles] = await Promise.all([call<Page<StoreRow>>(api.GET('/api/hq/stores', { params: { query } })), allGuides('active'), call<PickupStoreDto[]>(api.GET('/api/hq/pickup/stores'))]);
          setGuides(active);
          setPickup(profiles);
          return { data: stores.items, total: stores.total, success: true };
        }}
      />
      {editing && <PickupStoreDialog store={editing} onClose={() => setEditing(null)} onDone={() => { setEditing(null); ref.current?.reload(); }} />}
      {creating && <StoreForm onClose={() => setCreating(false)} onDone={() => { setCreating(false); ref.current?.reload(); }} />}
    </>
  );
}
