/**
 * 发券: to a list of member ids (pasted, one per line or comma-separated), or to an RFM segment or
 * rule tag through the segment push route (会员分群's 分群发券: the grants run in the background,
 * one copy per member). The batch key names the push, so pressing 发送 twice (or retrying after a
 * network error) grants nothing twice; a member-list result lists who got it, who already had it
 * and who was refused and why.
 */
import { Alert, Form, Input, Modal, Radio, Result, Select } from 'antd';
import { useMemo, useState } from 'react';
import type { CouponTemplateDto } from '@common/coupon/types';
import { errorMessage } from '@common/errors';
import type { SegmentPushDto } from '@common/insight/types';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { parseMemberIds } from './member-ids';
import { showApiError } from '../../forms';
import { TARGETS, targetLabel, toTarget } from '../members/push-targets';

interface PushResult {
  granted: number[];
  already: number[];
  refused: { memberId: number; code: string }[];
}

type Fields = { to: 'members' | 'segment'; memberIds: string; target: string };
type Sent = { kind: 'members'; result: PushResult } | { kind: 'segment'; push: SegmentPushDto };

function SentResult({ sent }: { sent: Sent }) {
  if (sent.kind === 'segment') {
    return <Result status="success" title={`已开始向「${targetLabel(sent.push.target)}」发券，目标 ${sent.push.members} 人`} subTitle="每位会员只发一张；领取与使用情况见「会员分群 → 分群发券」" />;
  }
  const r = sent.result;
  return (
    <Result
      status={r.refused.length ? 'warning' : 'success'}
      title={`已发放 ${r.granted.length} 人，已持有 ${r.already.length} 人，未发放 ${r.refused.length} 人`}
      subTitle={r.refused.map((x) => `会员 ${x.memberId}：${errorMessage(x.code)}`).join('；')}
    />
  );
}

export function PushModal({ template, onDone }: { template: CouponTemplateDto; onDone: (sent: boolean) => void }) {
  const [form] = Form.useForm<Fields>();
  const to = Form.useWatch('to', form) ?? 'members';
  // One key per opened dialog: a retry of the same push is the same batch (segment push keys are at most 32 characters).
  const batchKey = useMemo(() => `hq-${template.id}-${Date.now().toString(36)}`, [template.id]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const submit = async (v: Fields) => {
    setBusy(true);
    try {
      if (v.to === 'segment') {
        const push = await call<SegmentPushDto>(api.POST('/api/hq/insight/pushes', { body: { batchKey, templateId: template.id, target: toTarget(v.target) } }));
        setSent({ kind: 'segment', push });
      } else {
        const body = { memberIds: parseMemberIds(v.memberIds).ids, batchKey };
        setSent({ kind: 'members', result: await call<PushResult>(api.POST('/api/hq/coupon-templates/{id}/push', { params: { path: { id: template.id } }, body })) });
      }
    } catch (err) {
      showApiError(form, err, { 'target.segment': 'target', 'target.tag': 'target' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`发券：${template.name}`} okText={sent ? '完成' : '发送'} confirmLoading={busy} onOk={() => (sent ? onDone(true) : form.submit())} onCancel={() => onDone(!!sent)}>
      {sent ? (
        <SentResult sent={sent} />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ to: 'members' }}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`剩余可发 ${template.totalQuota - template.issuedCount} 张；同一批次重复发送不会重复发放`} />
          <Form.Item name="to" label="发给">
            <Radio.Group
              id="push-to"
              optionType="button"
              options={[
                { value: 'members', label: '会员名单' },
                { value: 'segment', label: '分群或标签' },
              ]}
            />
          </Form.Item>
          {to === 'segment' ? (
            <Form.Item name="target" label="分群或标签" extra="发给提交时该分群或标签的全部会员，每人一张" rules={[{ required: true, message: '请选择分群或标签' }]}>
              <Select id="push-target" placeholder="选择分群或标签" options={TARGETS} />
            </Form.Item>
          ) : (
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
          )}
        </Form>
      )}
    </Modal>
  );
}
