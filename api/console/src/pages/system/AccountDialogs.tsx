/** 总部账号 dialogs: 新建账号 (a 门店店长 is bound to a store), 修改角色, 重置密码; the API's refusals show by their field. */
import { Form, Input, Select } from 'antd';
import { HQ_ROLES, type HqRole } from '@common/auth/types';
import { HQ_ROLE_LABELS, needsStore } from '@common/hq/roles';
import type { HqAccountDto } from '@common/hq/types';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { FormDialog, useSubmit } from '../../forms';

type Done = { onClose: () => void; onDone: () => void };
export type StoreOption = { value: number; label: string };
const roleOptions = HQ_ROLES.map((r) => ({ value: r, label: HQ_ROLE_LABELS[r] }));

function StoreField({ stores, role }: { stores: StoreOption[]; role: HqRole | undefined }) {
  if (!role || !needsStore(role)) return null;
  return (
    <Form.Item name="storeId" label="所属门店" rules={rulesFor('POST /api/hq/accounts', 'storeId', { label: '门店（门店店长须选择）', required: true, pick: true })}>
      <Select id="account-store" options={stores} notFoundContent="请先新建门店" />
    </Form.Item>
  );
}

const PASSWORD_RULES = rulesFor('POST /api/hq/accounts', 'password', { label: '密码', hint: '须同时包含字母和数字' });

type CreateFields = { username: string; password: string; role: HqRole; storeId?: number };

export function CreateAccountDialog({ stores, onClose, onDone }: { stores: StoreOption[] } & Done) {
  const [form] = Form.useForm<CreateFields>();
  const role = Form.useWatch('role', form);
  const [busy, submit] = useSubmit<CreateFields>(form, (v) => call(api.POST('/api/hq/accounts', { body: { ...v, storeId: needsStore(v.role) ? v.storeId : null } })), { success: '账号已创建', onDone });
  return (
    <FormDialog title="新建账号" okText="创建" form={form} busy={busy} onFinish={submit} onClose={onClose}>
      <Form.Item name="username" label="用户名" rules={rulesFor('POST /api/hq/accounts', 'username', { label: '用户名', hint: '3–32 位字母、数字或 _ . -' })}>
        <Input id="account-username" autoComplete="off" />
      </Form.Item>
      <Form.Item name="password" label="初始密码" rules={PASSWORD_RULES}>
        <Input.Password id="account-password" autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={rulesFor('POST /api/hq/accounts', 'role', { label: '角色' })}>
        <Select id="account-role" options={roleOptions} />
      </Form.Item>
      <StoreField stores={stores} role={role} />
    </FormDialog>
  );
}

type RoleFields = { role: HqRole; storeId?: number };

export function RoleDialog({ account, stores, onClose, onDone }: { account: HqAccountDto; stores: StoreOption[] } & Done) {
  const [form] = Form.useForm<RoleFields>();
  const role = Form.useWatch('role', form);
  const [busy, submit] = useSubmit<RoleFields>(
    form,
    (v) => call(api.PATCH('/api/hq/accounts/{id}', { params: { path: { id: account.id } }, body: { role: v.role, storeId: needsStore(v.role) ? v.storeId : null } })),
    { success: '角色已修改，立即生效', onDone },
  );
  return (
    <FormDialog title={`修改 ${account.username} 的角色`} form={form} busy={busy} onFinish={submit} onClose={onClose} initialValues={{ role: account.role, storeId: account.storeId ?? undefined }}>
      <Form.Item name="role" label="角色" rules={rulesFor('POST /api/hq/accounts', 'role', { label: '角色' })}>
        <Select options={roleOptions} />
      </Form.Item>
      <StoreField stores={stores} role={role} />
    </FormDialog>
  );
}

export function PasswordDialog({ account, onClose, onDone }: { account: HqAccountDto } & Done) {
  const [form] = Form.useForm<{ password: string }>();
  const [busy, submit] = useSubmit<{ password: string }>(form, (v) => call(api.POST('/api/hq/accounts/{id}/password', { params: { path: { id: account.id } }, body: v })), {
    success: '密码已重置，账号锁定已解除',
    onDone,
  });
  return (
    <FormDialog title={`重置 ${account.username} 的密码`} form={form} busy={busy} onFinish={submit} onClose={onClose}>
      <Form.Item name="password" label="新密码" rules={PASSWORD_RULES}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormDialog>
  );
}
