/** 轮播图: 首页's banners in order (sort ascending), paged on the server, filtered by title and shown/hidden; add, edit, show or hide. 首页 shows at most 10 shown ones. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Form, Image, Input, InputNumber, Modal, Switch, Tag, message } from 'antd';
import { useRef, useState } from 'react';
import type { HqBannerDto } from '@common/catalogue/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { useSubmit } from '../../forms';
import { ImageUpload } from './ImageUpload';

interface Fields {
  title: string;
  image: string[];
  productId: number | null;
  sort: number;
  active: boolean;
}

function BannerModal({ editing, onDone }: { editing: HqBannerDto | 'new'; onDone: (saved: boolean) => void }) {
  const [form] = Form.useForm<Fields>();
  const initial: Fields =
    editing === 'new'
      ? { title: '', image: [], productId: null, sort: 100, active: true }
      : { title: editing.title, image: [editing.image], productId: editing.productId, sort: editing.sort, active: editing.active };
  const [busy, submit] = useSubmit(form, async (v: Fields) => {
    const body = { title: v.title, image: v.image[0] ?? '', productId: v.productId ?? null, sort: v.sort, active: v.active };
    if (editing === 'new') await call(api.POST('/api/hq/banners', { body }));
    else await call(api.PATCH('/api/hq/banners/{id}', { params: { path: { id: editing.id } }, body }));
    message.success('已保存');
    onDone(true);
  });
  return (
    <Modal open title={editing === 'new' ? '新建轮播图' : '编辑轮播图'} onCancel={() => onDone(false)} onOk={() => form.submit()} confirmLoading={busy} okText="保存">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="title" label="标题" rules={rulesFor('POST /api/hq/banners', 'title', { label: '标题' })}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="image" label="图片（建议 750×320）" rules={[{ required: true, type: 'array', min: 1, message: '请上传图片' }]}>
          <ImageUpload max={1} />
        </Form.Item>
        <Form.Item name="productId" label="点击后打开的商品 ID（可不填）">
          <InputNumber min={1} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="sort" label="排序（小的在前）" rules={rulesFor('POST /api/hq/banners', 'sort', { label: '排序', required: true })}>
          <InputNumber min={0} max={9999} precision={0} />
        </Form.Item>
        <Form.Item name="active" label="在首页展示" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function Banners() {
  const ref = useRef<ActionType>();
  const [editing, setEditing] = useState<HqBannerDto | 'new' | null>(null);
  const columns: ProColumns<HqBannerDto>[] = [
    { title: '标题', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '标题包含', maxLength: 40 } },
    { title: '图片', dataIndex: 'image', search: false, width: 140, render: (_, b) => <Image src={b.image} width={120} height={52} style={{ objectFit: 'cover' }} /> },
    { title: '标题', dataIndex: 'title', search: false },
    { title: '商品 ID', dataIndex: 'productId', search: false, render: (_, b) => b.productId ?? '—' },
    { title: '排序', dataIndex: 'sort', search: false, align: 'right' },
    { title: '状态', dataIndex: 'active', valueType: 'select', valueEnum: { true: { text: '展示中' }, false: { text: '已隐藏' } }, render: (_, b) => (b.active ? <Tag color="green">展示中</Tag> : <Tag>已隐藏</Tag>) },
    { title: '操作', valueType: 'option', render: (_, b) => <a onClick={() => setEditing(b)}>编辑</a> },
  ];
  return (
    <>
      <ProTable<HqBannerDto, { keyword?: string; active?: 'true' | 'false' }>
        headerTitle="轮播图"
        rowKey="id"
        actionRef={ref}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 张` }}
        locale={{ emptyText: '没有符合条件的轮播图' }}
        toolBarRender={() => [
          <Button key="new" type="primary" onClick={() => setEditing('new')}>
            新建轮播图
          </Button>,
        ]}
        request={async ({ current = 1, pageSize = 20, keyword, active }) => {
          const query = { page: current, pageSize, keyword: keyword?.trim() || undefined, active };
          const page = await call<Page<HqBannerDto>>(api.GET('/api/hq/banners', { params: { query } }));
          return { data: page.items, total: page.total, success: true };
        }}
      />
      {editing && <BannerModal editing={editing} onDone={(saved) => (setEditing(null), saved && ref.current?.reload())} />}
    </>
  );
}
