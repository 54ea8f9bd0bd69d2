/** 等级与积分规则: the four tiers, how points are earned and redeemed; the API's refusals sit next to the field they name (`tiers.2.minGrowth`). */
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Col, Form, Input, InputNumber, Result, Row, Skeleton, Space, Table, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MembershipSettings } from '@common/membership/settings';
import { api, call } from '../../api/client';
import { rulesFor, type FieldOf } from '../../api/rules';
import { loadError, showApiError } from '../../forms';

const SETTINGS = 'PUT /api/hq/membership/settings';

/** A whole-number setting; `field` is its place in the API's body, whose bounds the rule takes. */
function Num({ name, field, label, addon }: { name: (string | number)[]; field: FieldOf<typeof SETTINGS>; label?: string; addon?: string }) {
  return (
    <Form.Item name={name} label={label} rules={rulesFor(SETTINGS, field, { label })} style={label ? undefined : { margin: 0 }}>
      <InputNumber precision={0} style={{ width: '100%' }} addonAfter={addon} />
    </Form.Item>
  );
}

export default function PointsSettings() {
  const [form] = Form.useForm<MembershipSettings>();
  const [state, setState] = useState<'loading' | 'ready' | string>('loading');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setState('loading');
    try {
      form.setFieldsValue(await call<MembershipSettings>(api.GET('/api/hq/membership/settings')));
      setState('ready');
    } catch (err) {
      setState(loadError(err));
    }
  }, [form]);
  useEffect(() => void load(), [load]);

  const save = async (values: MembershipSettings) => {
    setBusy(true);
    try {
      form.setFieldsValue(await call<MembershipSettings>(api.PUT('/api/hq/membership/settings', { body: values })));
      message.success('已保存，新规则即时生效');
    } catch (err) {
      showApiError(form, err);
    } finally {
      setBusy(false);
    }
  };

  if (state !== 'ready' && state !== 'loading') return <Result status="error" title="规则加载失败" subTitle={state} extra={<Button onClick={load}>重试</Button>} />;
  return (
    <PageContainer title="等级与积分规则">
      {state === 'loading' && <Card><Skeleton active /></Card>}
      <Form form={form} layout="vertical" onFinish={save} style={{ display: state === 'ready' ? undefined : 'none' }}>
        <Card title="会员等级" style={{ marginBottom: 16 }}>
          <Form.List name="tiers">
            {(fields) => (
              <Table
                rowKey="key"
                dataSource={fields}
                pagination={false}
                size="small"
                columns={[
                  { title: '等级', render: (_, f) => (<><Form.Item name={[f.name, 'code']} hidden><Input /></Form.Item><Form.Item name={[f.name, 'label']} rules={rulesFor(SETTINGS, 'tiers.*.label')} style={{ margin: 0 }}><Input maxLength={16} /></Form.Item></>) },
                  { title: '起始成长值', render: (_, f) => <Num name={[f.name, 'minGrowth']} field="tiers.*.minGrowth" /> },
                  { title: '购物积分倍率（%）', render: (_, f) => <Num name={[f.name, 'pointsMultiplierPct']} field="tiers.*.pointsMultiplierPct" /> },
                  { title: '会员折扣（% off）', render: (_, f) => <Num name={[f.name, 'discountPct']} field="tiers.*.discountPct" /> },
                  { title: '生日月倍率（%）', render: (_, f) => <Num name={[f.name, 'birthdayMultiplierPct']} field="tiers.*.birthdayMultiplierPct" /> },
                ]}
              />
            )}
          </Form.List>
        </Card>
        <Row gutter={16}>
          <Col span={12}>
            <Card title="积分获取" style={{ marginBottom: 16 }}>
              <Num name={['earn', 'pointsPerYuan']} field="earn.pointsPerYuan" label="每实付 1 元得积分" />
              <Num name={['earn', 'perOrderCap']} field="earn.perOrderCap" label="单笔订单积分上限" />
              <Num name={['earn', 'signinPoints']} field="earn.signinPoints" label="每日签到积分" />
              <Num name={['earn', 'referralPoints']} field="earn.referralPoints" label="推荐新会员奖励" />
              <Form.List name={['earn', 'streakBonuses']}>
                {(fields, { add, remove }) => (
                  <Form.Item label="连续签到奖励">
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline">
                        每连续 <Num name={[f.name, 'every']} field="earn.streakBonuses.*.every" /> 天奖励 <Num name={[f.name, 'points']} field="earn.streakBonuses.*.points" /> 积分
                        <Button type="link" danger onClick={() => remove(f.name)}>删除</Button>
                      </Space>
                    ))}
                    {fields.length < 5 && <Button type="dashed" onClick={() => add({ every: 7, points: 10 })}>添加奖励</Button>}
                  </Form.Item>
                )}
              </Form.List>
            </Card>
          </Col>
          <Col span={12}>
            <Card title="积分抵扣" style={{ marginBottom: 16 }}>
              <Num name={['redeem', 'pointsPerYuan']} field="redeem.pointsPerYuan" label="多少积分抵 1 元" />
              <Num name={['redeem', 'maxSharePct']} field="redeem.maxSharePct" label="最多抵扣商品金额（%）" />
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy}>保存规则</Button>
      </Form>
    </PageContainer>
  );
}
