/** 分类: the shop's categories in 首页 order (sort ascending); add and edit name, icon and order. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Form, Image, Input, InputNumber, Modal, message } from 'antd';
import { useRef, useState } from 'react';
import type { CategoryDto } from '@common/catalogue/types';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { useSubmit } from '../../forms';
import { ImageUpload } from './ImageUpload';

interface Fields {
  name: string;
  icon: string[];
  sort: number;
}

function CategoryModal({ editing, onDone }: { editing: CategoryDto | 'new'; onDone: (saved: boolean) => void }) {
  const [form] = Form.useForm<Fields>();
  const initial: Fields = editing === 'new' ? { name: '', icon: [], sort: 100 } : { name: editing.name, icon: editing.icon ? [editing.icon] : [], sort: editing.sort };
  // The API names `icon` (one URL); the form holds it as a one-picture list under the same name.
  const [busy, submit] = useSubmit(form, async (v: Fields) => {
    const body = { name: v.name, icon: v.icon[0] ?? null, sort: v.sort };
    if (editing === 'new') await call(api.POST('/api/hq/categories', { body }));
    else await call(api.PATCH('/api/hq/categories/{id}', { params: { path: { id: editing.id } }, body }));
    message.success('已保存');
    onDone(true);
  });
  return (
    <Modal open title={editing === 'new' ? '新建分类' : `编辑分类：${editing.name}`} onCancel={() => onDone(false)} onOk={() => form.submit()} confirmLoading={busy} okText="保存">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="name" label="分类名称" rules={rulesFor('POST /api/hq/categories', 'name', { label: '分类名称' })}>
          <Input id="category-name" maxLength={32} />
        </Form.Item>
        <Form.Item name="icon" label="图标（可不传）">
          <ImageUpload max={1} />
        </Form.Item>
        <Form.Item name="sort" label="排序（小的在前）" rules={rulesFor('POST /api/hq/categories', 'sort', { label: '排序', required: true })}>
          <InputNumber min={0} max={9999} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function Categories() {
  const ref = useRef<ActionType>();
  const [editing, setEditing] = useState<CategoryDto | 'new' | null>(null);
  const columns: ProColumns<CategoryDto>[] = [
    { title: '图标', dataIndex: 'icon', width: 72, render: (_, c) => (c.icon ? <Image src={c.icon} width={40} height={40} /> : '—') },
    { title: '分类名称', dataIndex: 'name' },
    { title: '排序', dataIndex: 'sort', align: 'right' },
    { title: '操作', valueType: 'option', render: (_, c) => <a onClick={() => setEditing(c)}>编辑</a> },
  ];
  return (
    <>
      <ProTable<CategoryDto>
        headerTitle="分类"
        rowKey="id"
        actionRef={ref}
        search={false}
        columns={columns}
        pagination={false}
        locale={{ emptyText: '暂无分类' }}
        toolBarRender={() => [
          <Button key="new" type="primary" onClick={() => setEditing('new')}>
            新建分类
          </Button>,
        ]}
        request={async () => ({ data: await call<CategoryDto[]>(api.GET('/api/categories')), success: true })}
      />
      {editing && <CategoryModal editing={editing} onDone={(saved) => (setEditing(null), saved && ref.current?.reload())} />}
    </>
  );
}
