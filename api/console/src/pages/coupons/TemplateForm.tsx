/**
 * 新建优惠券模板 (all terms) and 编辑 (only what the API lets change once coupons may exist: active,
 * 领券中心, 门店可用, and the total quota). Amounts in yuan; the validity window in Beijing time.
 */
import { Form, Input, InputNumber, Modal, Radio, Select, Switch, message } from 'antd';
import { COUPON_KIND_LABELS, COUPON_KINDS, type CouponKind, type CouponTemplateDto } from '@common/coupon/types';
import { MAX_PER_MEMBER, MAX_QUOTA, MAX_VALID_DAYS } from '@common/coupon/rules';
import { api, call } from '../../api/client';
import { BEIJING_INPUT, fromBeijingInput } from '../../format';
import { toFen, useSubmit, yuanRules } from '../../forms';

interface Fields {
  name: string;
  kind: CouponKind;
  amountOffYuan: string;
  thresholdYuan: string;
  percentOff: number;
  maxOffYuan: string;
  validityType: 'relative' | 'fixed';
  days: number;
  from: string;
  to: string;
  audience: 'anyone' | 'new_members';
  firstOrderOnly: boolean;
  totalQuota: number;
  perMemberLimit: number;
  claimable: boolean;
  usableInStore: boolean;
  active: boolean;
}

const RENAME = { amountOffFen: 'amountOffYuan', thresholdFen: 'thresholdYuan', maxOffFen: 'maxOffYuan' };
const TIME = [{ required: true, message: '请输入时间' }, { pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, message: `格式为 ${BEIJING_INPUT}（北京时间）` }];

function body(v: Fields) {
  const fen = (t: string) => (t ? toFen(t) : 0);
  return {
    name: v.name,
    kind: v.kind,
    amountOffFen: fen(v.amountOffYuan),
    thresholdFen: fen(v.thresholdYuan),
    percentOff: v.percentOff ?? 0,
    maxOffFen: fen(v.maxOffYuan),
    validity: v.validityType === 'relative' ? { type: 'relative' as const, days: v.days } : { type: 'fixed' as const, from: fromBeijingInput(v.from).toISOString(), to: fromBeijingInput(v.to).toISOString() },
    audience: { type: v.audience },
    firstOrderOnly: v.firstOrderOnly,
    totalQuota: v.totalQuota,
    perMemberLimit: v.perMemberLimit,
    claimable: v.claimable,
    usableInStore: v.usableInStore,
  };
}

export function TemplateForm({ editing, onDone }: { editing: CouponTemplateDto | 'new'; onDone: (saved: boolean) => void }) {
  const [form] = Form.useForm<Fields>();
  const kind = Form.useWatch('kind', form);
  const validityType = Form.useWatch('validityType', form);
  const isNew = editing === 'new';
  // Validity issues arrive as validity.days / validity.to: the form's fields are days / to.
  const [busy, submit] = useSubmit(
    form,
    async (v: Fields) => {
      if (isNew) await call(api.POST('/api/hq/coupon-templates', { body: body(v) }));
      else await call(api.PATCH('/api/hq/coupon-templates/{id}', { params: { path: { id: editing.id } }, body: { active: v.active, claimable: v.claimable, usableInStore: v.usableInStore, totalQuota: v.totalQuota } }));
      message.success('已保存');
      onDone(true);
    },
    { ...RENAME, validity: '' },
  );
  const initial: Partial<Fields> = isNew
    ? { kind: 'amount_off', validityType: 'relative', days: 7, audience: 'anyone', firstOrderOnly: false, totalQuota: 1000, perMemberLimit: 1, claimable: false, usableInStore: false, percentOff: 10, thresholdYuan: '', maxOffYuan: '' }
    : { name: editing.name, totalQuota: editing.totalQuota, claimable: editing.claimable, usableInStore: editing.usableInStore, active: editing.active };
  return (
    <Modal open width={620} title={isNew ? '新建优惠券模板' : `编辑：${editing.name}`} okText="保存" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => onDone(false)}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {isNew ? (
          <>
            <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '不能为空' }, { max: 40, message: '最多 40 个字' }]}>
              <Input maxLength={40} id="coupon-name" />
            </Form.Item>
            <Form.Item name="kind" label="类型">
              <Radio.Group options={COUPON_KINDS.map((k) => ({ value: k, label: COUPON_KIND_LABELS[k] }))} optionType="button" />
            </Form.Item>
            {kind !== 'percent_off' && (
              <Form.Item name="amountOffYuan" label="减免金额（元）" rules={yuanRules({ required: true, min: 1 })}>
                <Input prefix="¥" />
              </Form.Item>
            )}
            {kind !== 'no_threshold' && (
              <Form.Item name="thresholdYuan" label="使用门槛（元，满多少可用；空为不限）" rules={yuanRules()}>
                <Input prefix="¥" />
              </Form.Item>
            )}
            {kind === 'percent_off' && (
              <>
                <Form.Item name="percentOff" label="折扣（减去的百分比，10 即九折）" rules={[{ required: true, message: '请输入折扣' }]}>
                  <InputNumber min={1} max={99} precision={0} addonAfter="%" />
                </Form.Item>
                <Form.Item name="maxOffYuan" label="最高减免（元，空为不限）" rules={yuanRules()}>
                  <Input prefix="¥" />
                </Form.Item>
              </>
            )}
            <Form.Item name="validityType" label="有效期">
              <Radio.Group options={[{ value: 'relative', label: '领取后 N 天内' }, { value: 'fixed', label: '固定时间段' }]} />
            </Form.Item>
            {validityType === 'fixed' ? (
              <Input.Group compact>
                <Form.Item name="from" rules={TIME} noStyle={false} style={{ display: 'inline-block', width: '48%', marginRight: '4%' }}>
                  <Input placeholder={`开始 ${BEIJING_INPUT}`} />
                </Form.Item>
                <Form.Item name="to" rules={TIME} style={{ display: 'inline-block', width: '48%' }}>
                  <Input placeholder={`结束 ${BEIJING_INPUT}`} />
                </Form.Item>
              </Input.Group>
            ) : (
              <Form.Item name="days" rules={[{ required: true, message: '请输入天数' }]}>
                <InputNumber min={1} max={MAX_VALID_DAYS} precision={0} addonAfter="天" />
              </Form.Item>
            )}
            <Form.Item name="audience" label="可领人群">
              <Select options={[{ value: 'anyone', label: '所有会员' }, { value: 'new_members', label: '新会员' }]} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="firstOrderOnly" label="仅限首单" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="perMemberLimit" label={`每人限领（1–${MAX_PER_MEMBER}）`} rules={[{ required: true, message: '请输入每人限领' }]}>
              <InputNumber min={1} max={MAX_PER_MEMBER} precision={0} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Form.Item name="totalQuota" label={isNew ? '发放总量' : `发放总量（已发 ${editing.issuedCount}）`} rules={[{ required: true, message: '请输入发放总量' }]}>
          <InputNumber min={isNew ? 1 : Math.max(1, editing.issuedCount)} max={MAX_QUOTA} precision={0} />
        </Form.Item>
        <Form.Item name="claimable" label="在领券中心展示（顾客自行领取）" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="usableInStore" label="门店可用（顾客出示券码，收银员扫码核销）" valuePropName="checked">
          <Switch id="coupon-usable-in-store" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
