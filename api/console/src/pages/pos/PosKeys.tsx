/**
 * 门店与导购 → POS 密钥: a store's API keys for its till. 新建 shows the secret once (it is never
 * shown again; the server keeps only its hash); 吊销 stops a key at once. A 门店店长 sees their store's.
 */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Form, Input, Modal, Result, Select, Space, Tag, Typography, message } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PosKeyCreated, PosKeyDto } from '@common/pos/types';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { allStores } from '../../api/options';
import { beijing } from '../../format';
import { FormDialog, loadError, useSubmit } from '../../forms';
import { currentSession } from '../../session';
import type { StoreRow } from '../guides/types';

function CreateKey({ storeId, onClose, onDone }: { storeId: number; onClose: () => void; onDone: (k: PosKeyCreated) => void }) {
  const [form] = Form.useForm<{ label: string }>();
  const [busy, submit] = useSubmit<{ label: string }>(form, async (body) => onDone(await call<PosKeyCreated>(api.POST('/api/hq/stores/{id}/pos-keys', { params: { path: { id: storeId } }, body }))));
  return (
    <FormDialog title="新建 POS 密钥" okText="创建" form={form} busy={busy} onFinish={submit} onClose={onClose}>
      <Form.Item name="label" label="名称（如 收银台 1）" rules={rulesFor('POST /api/hq/stores/{id}/pos-keys', 'label', { label: '名称' })}><Input maxLength={40} /></Form.Item>
    </FormDialog>
  );
}

function SecretOnce({ k, onClose }: { k: PosKeyCreated; onClose: () => void }) {
  return (
    <Modal open title="POS 密钥已创建" okText="我已妥善保存" cancelButtonProps={{ style: { display: 'none' } }} onOk={onClose} onCancel={onClose} maskClosable={false}>
      <Alert type="warning" showIcon message="密钥明文只显示这一次，关闭后无法再次查看。请立即配置到门店收银系统。" style={{ marginBottom: 16 }} />
      <Space direction="vertical">
        <span>Key ID：<Typography.Text code copyable>{k.keyId}</Typography.Text></span>
        <span>Secret：<Typography.Text code copyable data-testid="pos-secret">{k.secret}</Typography.Text></span>
      </Space>
    </Modal>
  );
}

export default function PosKeys() {
  const ref = useRef<ActionType>();
  const [stores, setStores] = useState<StoreRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [storeId, setStoreId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<PosKeyCreated | null>(null);
  const owner = currentSession()?.role === 'owner';

  const loadStores = async () => {
    try {
      const rows = await allStores();
      setStores(rows);
      setStoreId((s) => s ?? rows[0]?.id ?? null);
      setError(null);
    } catch (err) {
      setError(loadError(err));
    }
  };
  useEffect(() => void loadStores(), []);
  useEffect(() => void ref.current?.reload(), [storeId]);

  const revoke = (k: PosKeyDto) =>
    Modal.confirm({
      title: `吊销密钥 ${k.keyId}？`,
      content: '吊销后使用该密钥的收银台请求将立即被拒绝，且无法恢复。',
      okText: '吊销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await call(api.POST('/api/hq/pos-keys/{id}/revoke', { params: { path: { id: k.id } } }));
          message.success('已吊销');
          ref.current?.reload();
        } catch (err) {
          message.error(loadError(err));
        }
      },
    });

  if (error) return <Result status="error" title="门店加载失败" subTitle={error} extra={<Button onClick={loadStores}>重试</Button>} />;
  const columns: ProColumns<PosKeyDto>[] = [
    { title: 'Key ID', dataIndex: 'keyId', copyable: true },
    { title: '名称', dataIndex: 'label' },
    { title: '状态', render: (_, k) => (k.revokedAt ? <Tag>已吊销</Tag> : <Tag color="green">有效</Tag>) },
    { title: '创建时间', render: (_, k) => beijing(k.createdAt) },
    { title: '最近使用', render: (_, k) => beijing(k.lastUsedAt) },
    { title: '吊销时间', render: (_, k) => beijing(k.revokedAt) },
    { title: '操作', render: (_, k) => (owner && !k.revokedAt ? <a onClick={() => revoke(k)}>吊销</a> : null) },
  ];
  return (
    <>
      <ProTable<PosKeyDto>
        headerTitle="POS 密钥"
        rowKey="id"
        actionRef={ref}
        search={false}
        columns={columns}
        loading={stores === null ? true : undefined}
        pagination={false}
        locale={{ emptyText: stores?.length === 0 ? '还没有门店，请先在「门店」中新建' : '该门店还没有 POS 密钥' }}
        toolBarRender={() => [
          <Select key="store" style={{ minWidth: 200 }} placeholder="选择门店" value={storeId ?? undefined} options={(stores ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }))} onChange={(v: number) => setStoreId(v)} />,
          owner && storeId !== null ? <Button key="new" type="primary" onClick={() => setCreating(true)}>新建密钥</Button> : null,
        ]}
        request={async () => (storeId === null ? { data: [], success: true } : { data: await call<PosKeyDto[]>(api.GET('/api/hq/stores/{id}/pos-keys', { params: { path: { id: storeId } } })), success: true })}
      />
      {creating && storeId !== null && (
        <CreateKey storeId={storeId} onClose={() => setCreating(false)} onDone={(k) => { setCreating(false); setCreated(k); ref.current?.reload(); }} />
      )}
      {created && <SecretOnce k={created} onClose={() => setCreated(null)} />}
    </>
  );
}
