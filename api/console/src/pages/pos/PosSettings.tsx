/** 门店与导购 → POS 设置: HQ's 双倍积分 offer (凭会员码加企微) and commission on offline sales. */
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Form, Result, Skeleton, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { HqRole } from '@common/auth/types';
import { HQ_OPERATORS } from '@common/hq/roles';
import { DOUBLE_POINTS } from '@common/pos/rules';
import type { PosSettings as Settings } from '@common/pos/types';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { loadError, useSubmit } from '../../forms';
import { currentSession } from '../../session';

const SETTINGS = 'PUT /api/hq/pos/settings';

export default function PosSettings() {
  const [form] = Form.useForm<Settings>();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Store managers and finance see the settings; only operators change them (the API decides either way).
  const canEdit = HQ_OPERATORS.includes(currentSession()?.role as HqRole);
  const load = useCallback(async () => {
    try {
      const s = await call<Settings>(api.GET('/api/hq/pos/settings'));
      setLoaded(s);
      form.setFieldsValue(s);
      setError(null);
    } catch (err) {
      setError(loadError(err));
    }
  }, [form]);
  useEffect(() => void load(), [load]);
  const [busy, save] = useSubmit<Settings>(form, async (v) => setLoaded(await call<Settings>(api.PUT('/api/hq/pos/settings', { body: v }))), { success: '已保存' });
  if (error) return <Result status="error" title="设置加载失败" subTitle={error} extra={<Button onClick={load}>重试</Button>} />;
  if (!loaded) return <Card><Skeleton active /></Card>;
  return (
    <PageContainer title="POS 设置">
      <Card>
        <Form form={form} layout="vertical" onFinish={save} initialValues={loaded}>
          <Form.Item name="doublePoints" label="双倍积分（凭会员码加企微）" valuePropName="checked" rules={rulesFor(SETTINGS, 'doublePoints', { label: '双倍积分' })}>
            <Switch disabled={!canEdit} />
          </Form.Item>
          <Typography.Paragraph type="secondary">
            顾客在收银台出示会员码后 {DOUBLE_POINTS.addAfterScanMinutes} 分钟内添加本门店导购企微，其后 {DOUBLE_POINTS.saleAfterAddHours} 小时内的线下消费积分翻倍；每位会员仅一次。
          </Typography.Paragraph>
          <Form.Item name="offlineCommission" label="线下销售计算导购佣金" valuePropName="checked" rules={rulesFor(SETTINGS, 'offlineCommission', { label: '线下佣金' })}>
            <Switch disabled={!canEdit} />
          </Form.Item>
          {canEdit ? <Button type="primary" htmlType="submit" loading={busy}>保存</Button> : <Typography.Text type="secondary">仅总部管理员与运营可修改</Typography.Text>}
        </Form>
      </Card>
    </PageContainer>
  );
}
