/** 新人礼: the coupons and points a new member gets once, and whether the pack is on. */
import { Alert, Button, Card, Form, InputNumber, Result, Select, Skeleton, Switch, message } from 'antd';
import { useEffect, useState } from 'react';
import type { CouponTemplateDto } from '@common/coupon/types';
import { api, call } from '../../api/client';
import { couponTemplates } from '../../api/options';
import { rulesFor } from '../../api/rules';
import { showApiError } from '../../forms';

interface Pack {
  templateIds: number[];
  points: number;
  active: boolean;
}

export default function NewMemberPack() {
  const [form] = Form.useForm<Pack>();
  const [templates, setTemplates] = useState<CouponTemplateDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    Promise.all([call<Pack>(api.GET('/api/hq/new-member-pack')), couponTemplates()])
      .then(([pack, ts]) => {
        setTemplates(ts);
        form.setFieldsValue(pack);
      })
      .catch((err: Error) => setError(err.message));
  }, [form]);
  const submit = async (v: Pack) => {
    setBusy(true);
    try {
      form.setFieldsValue(await call<Pack>(api.PUT('/api/hq/new-member-pack', { body: v })));
      message.success('新人礼已保存');
    } catch (err) {
      showApiError(form, err);
    } finally {
      setBusy(false);
    }
  };
  if (error) return <Result status="error" title="新人礼加载失败" subTitle={error} />;
  if (!templates) return <Card><Skeleton active /></Card>;
  return (
    <Card title="新人礼">
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
        {!templates.length && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="还没有优惠券模板，可先到「优惠券」新建" />}
        <Form.Item name="active" label="启用新人礼" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="templateIds" label="赠送的优惠券（最多 10 张）" rules={rulesFor('PUT /api/hq/new-member-pack', 'templateIds', { label: '赠送的优惠券' })}>
          <Select mode="multiple" placeholder="选择优惠券模板" options={templates.map((t) => ({ value: t.id, label: `${t.name}（${t.summary}）${t.active ? '' : '【已停用】'}` }))} />
        </Form.Item>
        <Form.Item name="points" label="赠送积分" rules={rulesFor('PUT /api/hq/new-member-pack', 'points', { label: '赠送积分（可为 0）' })}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
