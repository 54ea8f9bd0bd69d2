/** 系统 → 账号与角色: every HQ account (filter by role, search by name), 新建, 修改角色, 停用/启用, 重置密码. 总部管理员 only. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Popconfirm, Space, Tag, message } from 'antd';
import { useRef, useState } from 'react';
import type { HqRole } from '@common/auth/types';
import { HQ_ROLE_LABELS } from '@common/hq/roles';
import type { HqAccountDto } from '@common/hq/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { allStores } from '../../api/options';
import { beijing } from '../../format';
import { CreateAccountDialog, PasswordDialog, RoleDialog, type StoreOption } from './AccountDialogs';

type Dialog = { kind: 'new' } | { kind: 'role' | 'password'; account: HqAccountDto } | null;

export default function Accounts() {
  const ref = useRef<ActionType>();
  const [stores, setStores] = useState<StoreOption[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const done = () => {
    setDialog(null);
    ref.current?.reload();
  };
  const setActive = async (a: HqAccountDto, active: boolean) => {
    try {
      await call(api.PATCH('/api/hq/accounts/{id}', { params: { path: { id: a.id } }, body: { active } }));
      message.success(active ? '已启用' : '已停用，该账号的登录立即失效');
      ref.current?.reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : '操作失败');
    }
  };
  const storeName = (id: number | null) => (id === null ? '—' : (stores.find((s) => s.value === id)?.label ?? `#${id}`));
  const columns: ProColumns<HqAccountDto>[] = [
    { title: '用户名', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '用户名' } },
    { title: '用户名', dataIndex: 'username', search: false },
    { title: '角色', dataIndex: 'role', valueType: 'select', valueEnum: Object.fromEntries(Object.entries(HQ_ROLE_LABELS).map(([k, v]) => [k, { text: v }])), render: (_, a) => <Tag>{HQ_ROLE_LABELS[a.role]}</Tag> },
    { title: '门店', search: false, render: (_, a) => storeName(a.storeId) },
    {
      title: '状态',
      search: false,
      render: (_, a) => (!a.active ? <Tag>已停用</Tag> : a.lockedUntil && Date.parse(a.lockedUntil) > Date.now() ? <Tag color="red">锁定至 {beijing(a.lockedUntil)}</Tag> : <Tag color="green">正常</Tag>),
    },
    { title: '创建时间', search: false, render: (_, a) => beijing(a.createdAt) },
    {
      title: '操作',
      valueType: 'option',
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'role', account: a })}>修改角色</Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'password', account: a })}>重置密码</Button>
          <Popconfirm title={a.active ? '停用后该账号立即无法登录，确定？' : '启用该账号？'} okText="确定" cancelText="取消" onConfirm={() => setActive(a, !a.active)}>
            <Button type="link" size="small" danger={a.active}>{a.active ? '停用' : '启用'}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <>
      <ProTable<HqAccountDto, { q?: string; role?: HqRole }>
        headerTitle="账号与角色"
        rowKey="id"
        actionRef={ref}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '没有符合条件的账号' }}
        toolBarRender={() => [<Button key="new" type="primary" onClick={() => setDialog({ kind: 'new' })}>新建账号</Button>]}
        request={async ({ current = 1, pageSize = 20, q, role }) => {
          const [page, storeRows] = await Promise.all([
            call<Page<HqAccountDto>>(api.GET('/api/hq/accounts', { params: { query: { page: current, pageSize, q: q?.trim() || undefined, role } } })),
            allStores(),
          ]);
          setStores(storeRows.map((s) => ({ value: s.id, label: s.name })));
          return { data: page.items, total: page.total, success: true };
        }}
      />
      {dialog?.kind === 'new' && <CreateAccountDialog stores={stores} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'role' && <RoleDialog account={dialog.account} stores={stores} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'password' && <PasswordDialog account={dialog.account} onClose={() => setDialog(null)} onDone={done} />}
    </>
  );
}
