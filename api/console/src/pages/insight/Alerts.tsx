/**
 * 数据 · 预警: the days of the last 30 that fell below a target (chain and each store; a store
 * manager: their store), each with its 7-day trend; and the targets form (HQ operators).
 */
import { Button, Card, Empty, Form, InputNumber, message, Result, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { currentSession } from '../../session';
import { ExportButton, fmt, useLoad, type Unit } from './shared';

export interface AlertRow {
  metric: string;
  label: string;
  unit: Unit;
  day: string;
  value: number;
  target: number;
  scopeKind: string;
  scopeId: number;
  scopeName: string;
  trend: { day: string; value: number }[];
}

const TARGET_LABELS: Record<string, { label: string; unit: Unit }> = {
  signInShare: { label: '签到占比（%）', unit: 'bp' },
  guideOrderShare: { label: '导购订单占比（%）', unit: 'bp' },
  conversion: { label: '转化率（%）', unit: 'bp' },
  repurchaseRate: { label: '复购率（%）', unit: 'bp' },
  guideGmvShare: { label: '导购 GMV 占比（%）', unit: 'bp' },
  newMembers: { label: '每日新会员（人）', unit: 'count' },
  aovFen: { label: '客单价（元）', unit: 'fen' },
  couponUseRate: { label: '用券率（%）', unit: 'bp' },
  addGuideRate: { label: '首购加导购率（%）', unit: 'bp' },
};
const toInput = (unit: Unit, v: number) => (unit === 'count' ? v : v / 100);
const fromInput = (unit: Unit, v: number) => Math.round(unit === 'count' ? v : v * 100);

export const trendText = (a: AlertRow) => a.trend.map((t) => fmt(a.unit, t.value)).join(' → ');

function TargetsForm() {
  const { data, error, reload } = useLoad(() => call<{ effective: Record<string, number> }>(api.GET('/api/hq/metrics/targets')), []);
  const [saving, setSaving] = useState(false);
  if (error) return <Result status="error" title="目标加载失败" subTitle={error} extra={<Button onClick={reload}>重试</Button>} />;
  if (!data) return <Skeleton active />;
  const initial = Object.fromEntries(Object.entries(TARGET_LABELS).map(([k, d]) => [k, data.effective[k] === undefined ? null : toInput(d.unit, data.effective[k])]));
  return (
    <Form
      layout="inline"
      initialValues={initial}
      onFinish={async (values: Record<string, number | null>) => {
        setSaving(true);
        try {
          const body = Object.fromEntries(Object.entries(TARGET_LABELS).map(([k, d]) => [k, values[k] === null || values[k] === undefined ? null : fromInput(d.unit, values[k]!)]));
          await call(api.PUT('/api/hq/metrics/targets', { body: body as never }));
          void message.success('目标已保存');
        } catch (err) {
          void message.error(err instanceof Error ? err.message : '保存失败');
        } finally {
          setSaving(false);
        }
      }}
    >
      {Object.entries(TARGET_LABELS).map(([k, d]) => (
        <Form.Item key={k} name={k} label={d.label}>
          <InputNumber min={0} max={d.unit === 'bp' ? 100 : undefined} placeholder="不设" />
        </Form.Item>
      ))}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存目标
        </Button>
      </Form.Item>
    </Form>
  );
}

export default function AlertsPage() {
  const { data, error, reload } = useLoad(() => call<AlertRow[]>(api.GET('/api/hq/metrics/alerts', { params: { query: { days: 30 } as never } })), []);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card size="small" title="预警（近 30 天，低于目标的日子）" extra={<ExportButton path="/api/hq/metrics/alerts.csv?days=30" name="alerts.csv" />}>
        {error ? (
          <Result status="error" title="预警加载失败" subTitle={error} extra={<Button onClick={reload}>重试</Button>} />
        ) : !data ? (
          <Skeleton active />
        ) : (
          <Table<AlertRow>
            size="small"
            rowKey={(a) => `${a.day}-${a.scopeKind}-${a.scopeId}-${a.metric}`}
            dataSource={data}
            locale={{ emptyText: <Empty description="近 30 天没有低于目标的指标" /> }}
            columns={[
              { title: '日期', dataIndex: 'day' },
              { title: '范围', render: (_, a) => <Tag>{a.scopeName}</Tag> },
              { title: '指标', dataIndex: 'label' },
              { title: '实际', render: (_, a) => <span style={{ color: '#cf1322' }}>{fmt(a.unit, a.value)}</span> },
              { title: '目标', render: (_, a) => fmt(a.unit, a.target) },
              { title: '近 7 日趋势', render: (_, a) => trendText(a) },
            ]}
          />
        )}
      </Card>
      {['owner', 'operator'].includes(currentSession()?.role ?? '') && (
        <Card size="small" title="每日目标（默认：签到 15%、导购订单 30%、转化 15%；清空即不设）">
          <Space direction="vertical">
            <TargetsForm />
          </Space>
        </Card>
      )}
    </div>
  );
}
