/** 等级与积分规则: the four tiers, how points are earned and redeemed; the API's refusals sit next to the field they name (`tiers.2.minGrowth`). */
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Col, Form, Input, InputNumber, Result, Row, Skeleton, Space, Table, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MembershipSettings } from '@common/membership/settings';
import { api, call } from '../../api/client';
import { loadError, showRefusal } from '../../form-dialogs';

const int = (min: number, max?: number) => ({ type: 'integer' as const, min, max, message: max === undefined ? `须为不小于 ${min} 的整数` : `须为 ${min}–${max} 的整数` });

function Num({ name, label, min, max, addon }: { name: (string | number)[]; label?: string; min: number; max?: number; addon?: string }) {
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: '必填' }, int(min, max)]} style={label ? undefined : { margin: 0 }}>
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
      showRefusal(form, err);
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
                  { title: '等级', render: (_, f) => (<><Form.Item name={[f.name, 'code']} hidden><Input /></Form.Item><Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '必填' }]} style={{ margin: 0 }}><Input maxLength={16} /></Form.Item></>) },
                  { title: '起始成长值', render: (_, f) => <Num name={[f.name, 'minGrowth']} min={0} /> },
                  { title: '购物积分倍率（%）', render: (_, f) => <Num name={[f.name, 'pointsMultiplierPct']} min={0} max={1000} /> },
                  { title: '会员折扣（% off）', render: (_, f) => <Num name={[f.name, 'discountPct']} min={0} max={50} /> },
                  { title: '生日月倍率（%）', render: (_, f) => <Num name={[f.name, 'birthdayMultiplierPct']} min={100} max={1000} /> },
                ]}
              />
            )}
          </Form.List>
        </Card>
        <Row gutter={16}>
          <Col span={12}>
            <Card title="积分获取" style={{ marginBottom: 16 }}>
              <Num name={['earn', 'pointsPerYuan']} label="每实付 1 元得积分" min={0} max={100} />
              <Num name={['earn', 'perOrderCap']} label="单笔订单积分上限" min={0} />
              <Num name={['earn', 'signinPoints']} label="每日签到积分" min={1} max={1000} />
              <Num name={['earn', 'referralPoints']} label="推荐新会员奖励" min={0} max={100000} />
              <Form.List name={['earn', 'streakBonuses']}>
                {(fields, { add, remove }) => (
                  <Form.Item label="连续签到奖励">
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline">
                        每连续 <Num name={[f.name, 'every']} min={2} max={366} /> 天奖励 <Num name={[f.name, 'points']} min={1} max={10000} /> 积分
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
              <Num name={['redeem', 'pointsPerYuan']} label="多少积分抵 1 元" min={1} max={10000} />
              <Num name={['redeem', 'maxSharePct']} label="最多抵扣商品金额（%）" min={0} max={100} />
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy}>保存规则</Button>
      </Form>
    </PageContainer>
  );
}
