/**
 * 数据 · ROI: the plan (HQ's costs and assumptions) against actual, month by month: members joined,
 * MAU share, conversion, AOV, private-domain GMV, cost and the ROI multiple. Each actual links to
 * its definition (the README's "Metric definitions"); incentives come from real data.
 */
import { Button, Card, Empty, Form, Result, Skeleton, Table, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import type { FieldOf } from '../../api/rules';
import { useSubmit } from '../../forms';
import type { RoiRow } from '@common/metrics/roi';
import { currentSession } from '../../session';
import { FigureItem, fromInput, toInput } from './FigureItem';
import { ExportButton, fmt, useLoad, type Unit } from './shared';

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

const PLAN = 'PUT /api/hq/metrics/roi/plan';
const FIELDS: { key: FieldOf<typeof PLAN>; label: string; unit: Unit; per?: string }[] = [
  { key: 'softwareFen', label: '软件', unit: 'fen', per: '年' },
  { key: 'materialsFen', label: '物料', unit: 'fen', per: '年' },
  { key: 'operatorFen', label: '运营人员', unit: 'fen', per: '年' },
  { key: 'incentivesFen', label: '激励预算', unit: 'fen', per: '年' },
  { key: 'visitorsPerMonth', label: '月到店客流', unit: 'count' },
  { key: 'joinBp', label: '入会率', unit: 'bp' },
  { key: 'activeBp', label: '月活跃率', unit: 'bp' },
  { key: 'conversionBp', label: '转化率', unit: 'bp' },
  { key: 'aovFen', label: '客单价', unit: 'fen' },
];

function PlanForm({ plan, onSaved }: { plan: Plan; onSaved: () => void }) {
  const [form] = Form.useForm<Plan>();
  const [busy, submit] = useSubmit<Plan>(
    form,
    (v) => call(api.PUT('/api/hq/metrics/roi/plan', { body: Object.fromEntries(FIELDS.map((f) => [f.key, fromInput(f.unit, v[f.key])])) as never })),
    { success: '方案已保存', onDone: onSaved },
  );
  const initial = Object.fromEntries(FIELDS.map((f) => [f.key, toInput(f.unit, plan[f.key])]));
  return (
    <Form form={form} layout="inline" initialValues={initial} onFinish={submit}>
      {FIELDS.map((f) => (
        <FigureItem key={f.key} op={PLAN} field={f.key} label={f.label} unit={f.unit} per={f.per} />
      ))}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
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
