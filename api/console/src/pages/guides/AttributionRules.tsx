/**
 * 归因规则: the rules in force; a change is first previewed on past orders (which would go to
 * another guide), and only the previewed values can be applied — to new orders only.
 */
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Form, InputNumber, Modal, Result, Skeleton, Space, Table, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AttributionRules as Rules } from '@common/attribution/rules';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { loadError, showApiError } from '../../forms';

type Change = Pick<Rules, 'protectionDays' | 'sharingWindowHours' | 'tokenMaxAgeDays'>;
interface Preview {
  examined: number;
  changed: { orderId: number; guideId: number | null; wouldBe: number | null }[];
}

const FIELDS: { name: keyof Change; label: string; unit: string }[] = [
  { name: 'protectionDays', label: '绑定保护期', unit: '天' },
  { name: 'sharingWindowHours', label: '分享归因窗口', unit: '小时' },
  { name: 'tokenMaxAgeDays', label: '分享链接有效期', unit: '天' },
];
const same = (a: Change, b: Change) => FIELDS.every((f) => a[f.name] === b[f.name]);
const guide = (id: number | null) => (id === null ? '无（门店/自然）' : `导购 #${id}`);

export default function AttributionRules() {
  const [form] = Form.useForm<Change>();
  const [current, setCurrent] = useState<Rules | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ for: Change; result: Preview } | null>(null);
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as Change | undefined;

  const load = useCallback(async () => {
    try {
      const r = await call<Rules>(api.GET('/api/hq/attribution/rules'));
      setCurrent(r);
      form.setFieldsValue(r);
      setError(null);
    } catch (err) {
      setError(loadError(err));
    }
  }, [form]);
  useEffect(() => void load(), [load]);

  const runPreview = async (v: Change) => {
    setBusy(true);
    try {
      setPreview({ for: v, result: await call<Preview>(api.POST('/api/hq/attribution/rules/preview', { body: v })) });
    } catch (err) {
      showApiError(form, err);
    } finally {
      setBusy(false);
    }
  };
  const apply = () =>
    Modal.confirm({
      title: '应用新的归因规则？',
      content: '新规则只对此后的新订单生效，历史订单的归属不变。',
      okText: '应用',
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await call<Rules>(api.POST('/api/hq/attribution/rules', { body: preview!.for }));
          message.success(`已应用，当前规则版本 v${r.version}`);
          setPreview(null);
          await load();
        } catch (err) {
          showApiError(form, err);
        }
      },
    });

  if (error) return <Result status="error" title="规则加载失败" subTitle={error} extra={<Button onClick={load}>重试</Button>} />;
  if (!current) return <Card><Skeleton active /></Card>;
  const previewed = preview && values && same(preview.for, values);
  return (
    <PageContainer title="归因规则">
      <Card title={`当前规则（v${current.version}）`} style={{ marginBottom: 16 }}>
        <Descriptions column={3} size="small">
          {FIELDS.map((f) => <Descriptions.Item key={f.name} label={f.label}>{current[f.name]} {f.unit}</Descriptions.Item>)}
        </Descriptions>
      </Card>
      <Card title="调整规则" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={runPreview}>
          {FIELDS.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} rules={rulesFor('POST /api/hq/attribution/rules', f.name, { label: f.label })}>
              <InputNumber precision={0} addonAfter={f.unit} style={{ width: 160 }} />
            </Form.Item>
          ))}
          <Space>
            <Button htmlType="submit" loading={busy}>预览影响</Button>
            <Button type="primary" disabled={!previewed} onClick={apply}>应用</Button>
          </Space>
        </Form>
        {!previewed && <p style={{ marginTop: 12, color: '#888' }}>先预览，再应用：应用的是预览过的数值。</p>}
      </Card>
      {preview && (
        <Card title="对历史订单的影响">
          <Alert
            style={{ marginBottom: 16 }}
            type={preview.result.changed.length ? 'warning' : 'success'}
            showIcon
            message={`检查了最近 ${preview.result.examined} 笔归因订单，按新规则有 ${preview.result.changed.length} 笔会归属到不同导购（仅供参考，历史订单不会改变）`}
          />
          <Table
            rowKey="orderId"
            dataSource={preview.result.changed}
            pagination={{ pageSize: 10 }}
            locale={{ emptyText: '没有订单的归属会改变' }}
            columns={[
              { title: '订单', render: (_, r) => `#${r.orderId}` },
              { title: '现在归属', render: (_, r) => guide(r.guideId) },
              { title: '新规则下', render: (_, r) => guide(r.wouldBe) },
            ]}
          />
        </Card>
      )}
    </PageContainer>
  );
}
