/** RFM thresholds: HQ's own values (empty: follow the nightly median), shown beside the medians and what is in force. */
import { Button, Card, Descriptions, Form, InputNumber, Space, Typography } from 'antd';
import type { InsightThresholdsDto } from '@common/insight/types';
import { api, call } from '../../api/client';
import { rulesFor, toApiValue } from '../../api/rules';
import { toYuanText, useSubmit } from '../../forms';
import { yuan } from '../../format';

interface Values {
  recencyDays: number | null;
  frequency: number | null;
  monetaryYuan: string | null;
}

const THRESHOLDS = 'PUT /api/hq/insight/thresholds';
const orDash = (v: number | null, f: (n: number) => string = String) => (v === null ? '—' : f(v));

export default function InsightThresholds({ data, canEdit, onSaved }: { data: InsightThresholdsDto; canEdit: boolean; onSaved: (t: InsightThresholdsDto) => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, submit] = useSubmit<Values>(
    form,
    async (v) => {
      const body = { recencyDays: v.recencyDays ?? null, frequency: v.frequency ?? null, monetaryFen: (toApiValue(v.monetaryYuan, { unit: 'yuan' }) as number | undefined) ?? null };
      onSaved(await call<InsightThresholdsDto>(api.PUT('/api/hq/insight/thresholds', { body })));
    },
    { success: '已保存，任务将按新阈值重新评分', rename: { monetaryFen: 'monetaryYuan' } },
  );
  const initial: Values = { recencyDays: data.hq.recencyDays, frequency: data.hq.frequency, monetaryYuan: data.hq.monetaryFen === null ? null : toYuanText(data.hq.monetaryFen) };
  return (
    <Card title="RFM 阈值">
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="生效：最近消费">≤ {data.effective.recencyDays} 天</Descriptions.Item>
        <Descriptions.Item label="生效：消费频次">≥ {data.effective.frequency} 单</Descriptions.Item>
        <Descriptions.Item label="生效：消费金额">≥ {yuan(data.effective.monetaryFen)}</Descriptions.Item>
        <Descriptions.Item label="中位数：最近消费">{orDash(data.medians.recencyDays, (n) => `${n} 天`)}</Descriptions.Item>
        <Descriptions.Item label="中位数：消费频次">{orDash(data.medians.frequency, (n) => `${n} 单`)}</Descriptions.Item>
        <Descriptions.Item label="中位数：消费金额">{orDash(data.medians.monetaryFen, yuan)}</Descriptions.Item>
        <Descriptions.Item label="高净值门槛">{orDash(data.highValueFen, yuan)}</Descriptions.Item>
        <Descriptions.Item label="最近评分日">{data.scoredDay ?? '尚未评分'}</Descriptions.Item>
      </Descriptions>
      {canEdit && (
        <Form form={form} layout="inline" initialValues={initial} onFinish={submit}>
          <Form.Item name="recencyDays" label="最近消费（天）" rules={rulesFor(THRESHOLDS, 'recencyDays', { label: '最近消费天数' })}>
            <InputNumber precision={0} placeholder="跟随中位数" />
          </Form.Item>
          <Form.Item name="frequency" label="消费频次（单）" rules={rulesFor(THRESHOLDS, 'frequency', { label: '消费频次' })}>
            <InputNumber precision={0} placeholder="跟随中位数" />
          </Form.Item>
          <Form.Item name="monetaryYuan" label="消费金额（元）" rules={rulesFor(THRESHOLDS, 'monetaryFen', { label: '消费金额', unit: 'yuan' })}>
            <InputNumber<string> step="0.01" stringMode placeholder="跟随中位数" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                保存阈值
              </Button>
              <Typography.Text type="secondary">留空即跟随每晚计算的中位数</Typography.Text>
            </Space>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
