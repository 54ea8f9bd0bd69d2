/** 导购佣金: a guide's figures (held, released, reversed), the ledger (paged) and the monthly settlement CSV. */
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Card, Col, DatePicker, Result, Row, Space, Statistic, Tag, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { COMMISSION_KIND_LABELS, type CommissionEntryDto } from '@common/attribution/settlement';
import type { Page } from '@common/paging';
import { api, ApiError, call } from '../../api/client';
import { downloadFile } from '../../api/download';
import { beijing, yuan } from '../../format';
import { loadError } from '../../forms';

interface Figures {
  figures: { accruedFen: number; heldFen: number; releasedFen: number; reversedFen: number };
}

const columns: ProColumns<CommissionEntryDto>[] = [
  { title: '时间（北京时间）', render: (_, e) => beijing(e.createdAt) },
  { title: '订单号', render: (_, e) => e.orderNo ?? `#${e.orderId}` },
  { title: '类型', render: (_, e) => <Tag color={e.kind.startsWith('reversed') ? 'red' : e.kind === 'released' ? 'green' : 'orange'}>{COMMISSION_KIND_LABELS[e.kind]}</Tag> },
  { title: '金额', align: 'right', render: (_, e) => (e.kind.startsWith('reversed') ? `-${yuan(e.amountFen)}` : yuan(e.amountFen)) },
];

export default function GuideCommission() {
  const id = Number(useParams().id);
  const [figures, setFigures] = useState<Figures['figures'] | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const [month, setMonth] = useState<Dayjs>(() => dayjs().tz('Asia/Shanghai').subtract(1, 'month'));
  const [exporting, setExporting] = useState(false);

  const load = useCallback(async () => {
    try {
      const [f, g] = await Promise.all([
        call<Figures>(api.GET('/api/hq/guides/{id}/commission', { params: { path: { id } } })),
        call<{ name: string }>(api.GET('/api/hq/guides/{id}', { params: { path: { id } } })),
      ]);
      setFigures(f.figures);
      setName(g.name);
      setError(null);
    } catch (err) {
      setError({ status: err instanceof ApiError ? err.status : 0, message: loadError(err) });
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const m = month.format('YYYY-MM');
      const name = await downloadFile(`/api/hq/guides/${id}/commission/settlement?month=${m}`, `佣金结算-${id}-${m}.csv`);
      message.success(`已导出 ${name}`);
    } catch (err) {
      message.error(loadError(err));
    } finally {
      setExporting(false);
    }
  };

  if (error?.status === 404) return <Result status="404" title="无权访问" subTitle="该导购不存在或不属于你的门店" />;
  if (error) return <Result status="error" title="佣金加载失败" subTitle={error.message} extra={<Button onClick={load}>重试</Button>} />;
  return (
    <PageContainer
      title={`${name ?? `导购 #${id}`} 的佣金`}
      extra={
        <Space>
          <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
          <Button type="primary" loading={exporting} onClick={exportCsv}>导出月度结算（CSV）</Button>
        </Space>
      }
    >
      <Card loading={!figures} style={{ marginBottom: 16 }}>
        {figures && (
          <Row gutter={16}>
            <Col span={6}><Statistic title="累计计提" value={yuan(figures.accruedFen)} /></Col>
            <Col span={6}><Statistic title="冻结中（待收货）" value={yuan(figures.heldFen)} /></Col>
            <Col span={6}><Statistic title="已释放（可结算）" value={yuan(figures.releasedFen)} /></Col>
            <Col span={6}><Statistic title="退款冲回" value={yuan(figures.reversedFen)} /></Col>
          </Row>
        )}
      </Card>
      <ProTable<CommissionEntryDto>
        headerTitle="佣金台账"
        rowKey="id"
        search={false}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '该导购还没有佣金记录' }}
        request={async ({ current = 1, pageSize = 20 }) => {
          const page = await call<Page<CommissionEntryDto>>(api.GET('/api/hq/guides/{id}/commission/entries', { params: { path: { id }, query: { page: current, pageSize } } }));
          return { data: page.items, total: page.total, success: true };
        }}
      />
    </PageContainer>
  );
}
