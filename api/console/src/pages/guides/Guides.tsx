/** 导购: guides paged on the server (store, 在职/已离职, name or 企业微信账号) with 绑定码, 「联系我」, 离职, 转移客户 and the commission ledger. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { allStores } from '../../api/options';
import { BindingCodeDialog, ContactWayDialog, GuideForm, HandOverDialog } from './GuideDialogs';
import type { GuideRow, StoreRow } from './types';

type Dialog = { kind: 'new' } | { kind: 'code' | 'contact' | 'leave' | 'reassign'; guide: GuideRow } | null;

export default function Guides() {
  const ref = useRef<ActionType>();
  const navigate = useNavigate();
  const [stores, setStores] = useState<StoreRow[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const storeName = (id: number) => stores.find((s) => s.id === id)?.name ?? `#${id}`;
  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    ref.current?.reload();
  };

  const columns: ProColumns<GuideRow>[] = [
    { title: '导购', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '姓名或企业微信账号包含', maxLength: 40 } },
    { title: '姓名', dataIndex: 'name', search: false },
    { title: '门店', dataIndex: 'storeId', valueType: 'select', fieldProps: { options: stores.map((s) => ({ value: s.id, label: s.name })) }, render: (_, g) => storeName(g.storeId) },
    { title: '企业微信', dataIndex: 'wecomUserId', search: false },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: { active: { text: '在职' }, left: { text: '已离职' } }, render: (_, g) => (g.status === 'active' ? <Tag color="green">在职</Tag> : <Tag>已离职</Tag>) },
    { title: '已关联小程序', dataIndex: 'linked', search: false, render: (_, g) => (g.linked ? '是' : '否') },
    { title: '「联系我」', search: false, render: (_, g) => (g.qrCodeUrl ? '已创建' : '未创建') },
    {
      title: '操作',
      valueType: 'option',
      render: (_, g) => (
        <Space size={0} wrap>
          {g.status === 'active' && <Button type="link" size="small" onClick={() => setDialog({ kind: 'code', guide: g })}>绑定码</Button>}
          {g.status === 'active' && <Button type="link" size="small" onClick={() => setDialog({ kind: 'contact', guide: g })}>「联系我」</Button>}
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'reassign', guide: g })}>转移客户</Button>
          {g.status === 'active' && <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'leave', guide: g })}>离职</Button>}
          <Button type="link" size="small" onClick={() => navigate(`/guides/${g.id}/commission`)}>佣金</Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <ProTable<GuideRow, { storeId?: number; status?: GuideRow['status']; keyword?: string }>
        headerTitle="导购"
        rowKey="id"
        actionRef={ref}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 位` }}
        locale={{ emptyText: '没有符合条件的导购，可点击「新建导购」添加' }}
        toolBarRender={() => [<Button key="new" type="primary" onClick={() => setDialog({ kind: 'new' })}>新建导购</Button>]}
        request={async ({ current = 1, pageSize = 20, storeId, status, keyword }) => {
          const query = { page: current, pageSize, storeId: storeId ? Number(storeId) : undefined, status: status || undefined, keyword: keyword?.trim() || undefined };
          const [s, guides] = await Promise.all([allStores(), call<Page<GuideRow>>(api.GET('/api/hq/guides', { params: { query } }))]);
          setStores(s);
          return { data: guides.items, total: guides.total, success: true };
        }}
      />
      {dialog?.kind === 'new' && <GuideForm stores={stores} onClose={close} onDone={done} />}
      {dialog?.kind === 'code' && <BindingCodeDialog guide={dialog.guide} onClose={close} />}
      {dialog?.kind === 'contact' && <ContactWayDialog guide={dialog.guide} onClose={close} onDone={() => ref.current?.reload()} />}
      {(dialog?.kind === 'leave' || dialog?.kind === 'reassign') && <HandOverDialog guide={dialog.guide} mode={dialog.kind} onClose={close} onDone={done} />}
    </>
  );
}
