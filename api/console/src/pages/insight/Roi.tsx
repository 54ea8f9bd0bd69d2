/**
 * 数据 · ROI: the plan (HQ's costs and assumptions) against actual, month by month: members joined,
 * MAU share, conversion, AOV, private-domain GMV, cost and the ROI multiple. Each actual links to
 * its definition (the README's "Metric definitions"); incentives come from real data.
 */
import { Button, Card, Empty, Form, InputNumber, message, Result, Skeleton, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import type { RoiRow } from '@common/metrics/roi';
import { currentSession } from '../../session';
import { ExportButton, fmt, useLoad } from './shared';

type Plan = Record<string, number>;
interface RoiDto {
  year: number;
  plan: Plan;
  months: { month: string; plan: RoiRow; actual: RoiRow }[];
}

const DEFS: Record<string, string> = {
  membersJoined: '实际：当月注册的会员（metric_daily 全渠道 new_members 之和）',
  mauShare: '实际：当月活跃会员（访问或支付，去重）÷ 截至月末累计会员',
  conversion: '实际：当月支付过订单的会员 ÷ 当月活跃会员',
  aovFen: '实际：当月支付订单实付（扣退款）÷ 支付订单数',
  gmvFen: '实际：当月支付订单应付 − 其已退款（私域 GMV）',
  costFen: '实际：(软件 + 物料 + 运营人员) ÷ 12 + 当月订单用券抵扣 + 抵扣积分（100 积分 = ¥1）',
  roiX100: 'GMV ÷ 成本',
};

const FIELDS: { key: string; label: string; kind: 'fen' | 'bp' | 'count' }[] = [
  { key: 'softwareFen', label: '软件（元/年）', kind: 'fen' },
  { key: 'materialsFen', label: '物料（元/年）', kind: 'fen' },
  { key: 'operatorFen', label: '运营人员（元/年）', kind: 'fen' },
  { key: 'incentivesFen', label: '激励预算（元/年）', kind: 'fen' },
  { key: 'visitorsPerMonth', label: '月到店客流', kind: 'count' },
  { key: 'joinBp', label: '入会率（%）', kind: 'bp' },
  { key: 'activeBp', label: '月活跃率（%）', kind: 'bp' },
  { key: 'conversionBp', label: '转化率（%）', kind: 'bp' },
  { key: 'aovFen', label: '客单价（元）', kind: 'fen' },
];

function PlanForm({ plan, onSaved }: { plan: Plan; onSaved: () => void }) {
  const [saving, setSaving] = useState(false);
  const initial = Object.fromEntries(FIELDS.map((f) => [f.key, f.kind === 'count' ? plan[f.key] : plan[f.key] / 100]));
  return (
    <Form
      layout="inline"
      initialValues={initial}
      onFinish={async (v: Record<string, number>) => {
        setSaving(true);
        try {
          const body = Object.fromEntries(FIELDS.map((f) => [f.key, f.kind === 'count' ? v[f.key] : Math.round(v[f.key] * 100)]));
          await call(api.PUT('/api/hq/metrics/roi/plan', { body: body as never }));
          void message.success('方案已保存');
          onSaved();
        } catch (err) {
          void message.error(err instanceof Error ? err.message : '保存失败');
        } finally {
          setSaving(false);
        }
      }}
    >
      {FIELDS.map((f) => (
        <Form.Item key={f.key} name={f.key} label={f.label} rules={[{ required: true, message: '必填' }]}>
          <InputNumber min={0} max={f.kind === 'bp' ? 100 : undefined} precision={f.kind === 'count' ? 0 : 2} />
        </Form.Item>
      ))}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存方案
        </Button>
      </Form.Item>
    </Form>
  );
}

export const ROI_DEFINITIONS = DEFS;

export default function RoiPage() {
  const { data, error, reload } = useLoad(() => call<RoiDto>(api.GET('/api/hq/metrics/roi', { params: { query: {} } })), []);
  if (error) return <Result status="error" title="ROI 加载失败" subTitle={error} extra={<Button onClick={reload}>重试</Button>} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const cell = (side: 'plan' | 'actual', key: keyof RoiRow, unit: 'fen' | 'bp' | 'count' | 'x') => (_: unknown, m: RoiDto['months'][number]) => {
    const v = m[side][key] as number;
    const text = unit === 'x' ? `${(v / 100).toFixed(2)}×` : fmt(unit, v);
    return side === 'actual' ? (
      <Tooltip title={DEFS[key]}>
        <Link to={`/insight/definitions?metric=${key}`}>{text}</Link>
      </Tooltip>
    ) : (
      text
    );
  };
  const pair = (title: string, key: keyof RoiRow, unit: 'fen' | 'bp' | 'count' | 'x') => ({
    title,
    children: [
      { title: '方案', key: `${key}-p`, render: cell('plan', key, unit) },
      { title: '实际', key: `${key}-a`, render: cell('actual', key, unit) },
    ],
  });
  const canEdit = ['owner', 'operator'].includes(currentSession()?.role ?? '');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card size="small" title={`${data.year} 年 ROI：方案 vs 实际（按月）`} extra={<ExportButton path={`/api/hq/metrics/roi.csv?year=${data.year}`} name="roi.csv" />}>
        <Table
          size="small"
          rowKey="month"
          bordered
          scroll={{ x: true }}
          pagination={false}
          dataSource={data.months}
          locale={{ emptyText: <Empty description="今年还没有月份数据" /> }}
          columns={[
            { title: '月份', dataIndex: 'month', fixed: 'left' as const },
            pair('新入会', 'membersJoined', 'count'),
            pair('活跃占比', 'mauShare', 'bp'),
            pair('转化率', 'conversion', 'bp'),
            pair('客单价', 'aovFen', 'fen'),
            pair('私域 GMV', 'gmvFen', 'fen'),
            pair('成本', 'costFen', 'fen'),
            pair('ROI', 'roiX100', 'x'),
          ]}
        />
      </Card>
      {canEdit && (
        <Card size="small" title="方案（成本与假设）">
          <PlanForm plan={data.plan} onSaved={reload} />
        </Card>
      )}
    </div>
  );
}
