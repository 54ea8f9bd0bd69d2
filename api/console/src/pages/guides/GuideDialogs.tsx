/** The guide dialogs: 新建导购, 绑定码 (copy), 「联系我」 QR code, 离职 (with customers handed over), 转移客户. */
import { Alert, Button, Form, Image, Input, Modal, Select, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { allGuides } from '../../api/options';
import { beijing } from '../../format';
import { rulesFor } from '../../api/rules';
import { FormDialog, loadError, useSubmit } from '../../forms';
import type { GuideRow, StoreRow } from './types';

type Done = { onClose: () => void; onDone: () => void };

type GuideFields = { name: string; wecomUserId: string; storeId: number };

export function GuideForm({ stores, onClose, onDone }: { stores: StoreRow[] } & Done) {
  const [form] = Form.useForm<GuideFields>();
  const [busy, submit] = useSubmit<GuideFields>(form, (body) => call(api.POST('/api/hq/guides', { body })), { success: '导购已创建', onDone });
  return (
    <FormDialog title="新建导购" okText="创建" form={form} busy={busy} onFinish={submit} onClose={onClose}>
      <Form.Item name="name" label="姓名" rules={rulesFor('POST /api/hq/guides', 'name', { label: '姓名' })}><Input id="guide-name" maxLength={20} /></Form.Item>
      <Form.Item name="wecomUserId" label="企业微信账号（UserID）" rules={rulesFor('POST /api/hq/guides', 'wecomUserId', { label: '企业微信账号', hint: '1–64 位字母、数字或 _ . @ -' })}>
        <Input id="guide-wecom" maxLength={64} />
      </Form.Item>
      <Form.Item name="storeId" label="门店" rules={rulesFor('POST /api/hq/guides', 'storeId', { label: '门店', pick: true })}>
        <Select id="guide-store" options={stores.map((s) => ({ value: s.id, label: `${s.name}（${s.city}）` }))} notFoundContent="请先新建门店" />
      </Form.Item>
    </FormDialog>
  );
}

export function BindingCodeDialog({ guide, onClose }: { guide: GuideRow; onClose: () => void }) {
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call<{ code: string; expiresAt: string }>(api.POST('/api/hq/guides/{id}/binding-code', { params: { path: { id: guide.id } } })).then(setCode, (err) => setError(err instanceof Error ? err.message : '生成失败'));
  }, [guide.id]);
  return (
    <Modal open title={`${guide.name} 的绑定码`} footer={<Button onClick={onClose}>关闭</Button>} onCancel={onClose}>
      {error && <Alert type="error" showIcon message={error} />}
      {!code && !error && <p>正在生成…</p>}
      {code && (
        <>
          <Typography.Title level={2} copyable={{ text: code.code, tooltips: ['复制', '已复制'] }} style={{ letterSpacing: 4 }} data-testid="binding-code">
            {code.code}
          </Typography.Title>
          <p>导购在小程序「我的 → 绑定导购」输入此码关联自己的微信，{beijing(code.expiresAt)} 前一次有效。重新生成会让旧码失效。</p>
        </>
      )}
    </Modal>
  );
}

export function ContactWayDialog({ guide, onClose, onDone }: { guide: GuideRow } & Done) {
  const [way, setWay] = useState<{ contactConfigId: string | null; qrCodeUrl: string | null } | null>(guide.qrCodeUrl ? guide : null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      setWay(await call(api.POST('/api/hq/guides/{id}/contact-ways', { params: { path: { id: guide.id } } })));
      onDone();
    } catch (err) {
      message.error(err instanceof Error ? err.message : '创建失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${guide.name} 的「联系我」`} footer={<Button onClick={onClose}>关闭</Button>} onCancel={onClose}>
      {way?.qrCodeUrl ? (
        <div style={{ textAlign: 'center' }}>
          <Image src={way.qrCodeUrl} width={200} alt="联系我二维码" fallback="" />
          <Typography.Paragraph copyable={{ text: way.qrCodeUrl }} ellipsis>{way.qrCodeUrl}</Typography.Paragraph>
        </div>
      ) : (
        <p>该导购还没有「联系我」二维码。创建后，顾客在首单后的提示里扫码即可添加导购企业微信。</p>
      )}
      <Button type={way?.qrCodeUrl ? 'default' : 'primary'} loading={busy} onClick={create}>{way?.qrCodeUrl ? '重新创建' : '创建「联系我」'}</Button>
    </Modal>
  );
}

/** 离职 (customers optionally handed to another guide) or 转移客户 (the guide stays). */
export function HandOverDialog({ guide, mode, onClose, onDone }: { guide: GuideRow; mode: 'leave' | 'reassign' } & Done) {
  const [form] = Form.useForm<{ to?: number }>();
  const [active, setActive] = useState<GuideRow[] | null>(null);
  useEffect(() => {
    allGuides('active').then(setActive, (err) => {
      setActive([]);
      message.error(loadError(err));
    });
  }, []);
  const targets = (active ?? []).filter((g) => g.id !== guide.id).map((g) => ({ value: g.id, label: g.name }));
  const [busy, submit] = useSubmit<{ to?: number }>(
    form,
    async ({ to }) => {
      const r =
        mode === 'leave'
          ? await call<{ reassigned: number }>(api.POST('/api/hq/guides/{id}/leave', { params: { path: { id: guide.id } }, body: { reassignTo: to } }))
          : await call<{ reassigned: number }>(api.POST('/api/hq/guides/{id}/reassign', { params: { path: { id: guide.id } }, body: { toGuideId: to! } }));
      message.success(`${mode === 'leave' ? '已办理离职，' : ''}转移客户 ${r.reassigned} 位`);
    },
    { onDone, rename: { reassignTo: 'to', toGuideId: 'to' } },
  );
  return (
    <FormDialog title={mode === 'leave' ? `${guide.name} 离职` : `转移 ${guide.name} 的客户`} form={form} busy={busy} onFinish={submit} onClose={onClose}>
      {mode === 'leave' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="离职后该导购的分享不再产生归属与佣金，已产生的佣金不受影响。" />}
      <Form.Item name="to" label="客户转给" rules={mode === 'reassign' ? rulesFor('POST /api/hq/guides/{id}/reassign', 'toGuideId', { label: '接手的导购', pick: true }) : rulesFor('POST /api/hq/guides/{id}/leave', 'reassignTo')}>
        <Select allowClear={mode === 'leave'} showSearch optionFilterProp="label" loading={active === null} placeholder={mode === 'leave' ? '不转移客户' : '选择导购'} options={targets} notFoundContent={active === null ? '加载中…' : '没有其他在职导购'} />
      </Form.Item>
    </FormDialog>
  );
}
