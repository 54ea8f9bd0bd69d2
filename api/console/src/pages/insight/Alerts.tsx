/**
 * 数据 · 预警: the days of the last 30 that fell below a target (chain and each store; a store
 * manager: their store), each with its 7-day trend; and the targets form (HQ operators).
 */
import { Button, Card, Empty, Form, Result, Skeleton, Space, Table, Tag } from 'antd';
import { api, call } from '../../api/client';
import type { FieldOf } from '../../api/rules';
import { useSubmit } from '../../forms';
import { currentSession } from '../../session';
import { FigureItem, fromInput, toInput } from './FigureItem';
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

const TARGETS_PUT = 'PUT /api/hq/metrics/targets';
const TARGETS: { key: FieldOf<typeof TARGETS_PUT>; label: string; unit: Unit; per?: string }[] = [
  { key: 'signInShare', label: '签到占比', unit: 'bp' },
  { key: 'guideOrderShare', label: '导购订单占比', unit: 'bp' },
  { key: 'conversion', label: '转化率', unit: 'bp' },
  { key: 'repurchaseRate', label: '复购率', unit: 'bp' },
  { key: 'guideGmvShare', label: '导购 GMV 占比', unit: 'bp' },
  { key: 'newMembers', label: '每日新会员', unit: 'count', per: '人' },
  { key: 'aovFen', label: '客单价', unit: 'fen' },
  { key: 'couponUseRate', label: '用券率', unit: 'bp' },
  { key: 'addGuideRate', label: '首购加导购率', unit: 'bp' },
];
type Targets = Record<string, number | null>;

export const trendText = (a: AlertRow) => a.trend.map((t) => fmt(a.unit, t.value)).join(' → ');

function TargetsForm() {
  const { data, error, reload } = useLoad(() => call<{ effective: Record<string, number> }>(api.GET('/api/hq/metrics/targets')), []);
  const [form] = Form.useForm<Targets>();
  const [busy, submit] = useSubmit<Targets>(
    form,
    (v) => call(api.PUT('/api/hq/metrics/targets', { body: Object.fromEntries(TARGETS.map((t) => [t.key, fromInput(t.unit, v[t.key])])) as never })),
    { success: '目标已保存' },
  );
  if (error) return <Result status="error" title="目标加载失败" subTitle={error} extra={<Button onClick={reload}>重试</Button>} />;
  if (!data) return <Skeleton active />;
  const initial = Object.fromEntries(TARGETS.map((t) => [t.key, toInput(t.unit, data.effective[t.key])]));
  return (
    <Form form={form} layout="inline" initialValues={initial} onFinish={submit}>
      {TARGETS.map((t) => (
        <FigureItem key={t.key} op={TARGETS_PUT} field={t.key} label={t.label} unit={t.unit} per={t.per} placeholder="不设" />
      ))}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
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
