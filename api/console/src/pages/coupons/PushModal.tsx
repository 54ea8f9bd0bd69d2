/**
 * 发券: to a list of member ids (pasted, one per line or comma-separated). The batch key names the
 * push, so pressing 发送 twice (or retrying after a network error) grants nothing twice; the result
 * lists who got it, who already had it and who was refused and why.
 */
import { Alert, Form, Input, Modal, Result } from 'antd';
import { useMemo, useState } from 'react';
import type { CouponTemplateDto } from '@common/coupon/types';
import { errorMessage } from '@common/errors';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { parseMemberIds } from './member-ids';
import { showApiError } from '../../forms';

interface PushResult {
  granted: number[];
  already: number[];
  refused: { memberId: number; code: string }[];
}


export function PushModal({ template, onDone }: { template: CouponTemplateDto; onDone: (sent: boolean) => void }) {
  const [form] = Form.useForm<{ memberIds: string }>();
  // One key per opened dialog: a retry of the same push is the same batch.
  const batchKey = useMemo(() => `hq-${template.id}-${Date.now().toString(36)}`, [template.id]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PushResult | null>(null);
  const submit = async ({ memberIds }: { memberIds: string }) => {
    const { ids } = parseMemberIds(memberIds);
    setBusy(true);
    try {
      setResult(await call<PushResult>(api.POST('/api/hq/coupon-templates/{id}/push', { params: { path: { id: template.id } }, body: { memberIds: ids, batchKey } })));
    } catch (err) {
      showApiError(form, err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`发券：${template.name}`} okText={result ? '完成' : '发送'} confirmLoading={busy} onOk={() => (result ? onDone(true) : form.submit())} onCancel={() => onDone(!!result)}>
      {result ? (
        <Result
          status={result.refused.length ? 'warning' : 'success'}
          title={`已发放 ${result.granted.length} 人，已持有 ${result.already.length} 人，未发放 ${result.refused.length} 人`}
          subTitle={result.refused.map((r) => `会员 ${r.memberId}：${errorMessage(r.code)}`).join('；')}
        />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`剩余可发 ${template.totalQuota - template.issuedCount} 张；同一批次重复发送不会重复发放`} />
          <Form.Item
            name="memberIds"
            label="会员 ID（每行一个或用逗号分隔，一次最多 500 个）"
            rules={[
              {
                validator: async (_r, v: string) => {
                  const { bad } = parseMemberIds(v ?? '');
                  if (bad.length) throw new Error(`不是会员 ID：${bad.slice(0, 5).join('、')}`);
                },
              },
              // The list's bounds (1–500 members) are the API's.
              ...rulesFor('POST /api/hq/coupon-templates/{id}/push', 'memberIds', { label: '会员', parse: (v) => parseMemberIds(String(v)).ids }),
            ]}
          >
            <Input.TextArea rows={6} id="push-members" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
