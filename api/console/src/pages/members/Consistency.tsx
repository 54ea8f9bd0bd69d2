/** 积分对账: every account's balance against the sums of its ledger and lots; the mismatches, which should be none. */
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Result, Skeleton, Statistic, Table, Row, Col } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ConsistencyReport as Report, ConsistencyRow } from '@common/membership/types';
import { api, call } from '../../api/client';
import { loadError } from '../../forms';

export default function Consistency() {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setReport(await call<Report>(api.GET('/api/hq/points/consistency')));
      setError(null);
    } catch (err) {
      setError(loadError(err));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  if (error) return <Result status="error" title="对账失败" subTitle={error} extra={<Button onClick={load}>重试</Button>} />;
  if (!report) return <Card><Skeleton active /></Card>;
  return (
    <PageContainer title="积分对账" extra={<Button onClick={load} loading={loading}>重新对账</Button>}>
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={6}><Statistic title="积分账户" value={report.accounts} /></Col>
          <Col span={6}><Statistic title="可用积分合计" value={report.totals.balance} /></Col>
          <Col span={6}><Statistic title="待生效合计" value={report.totals.pending} /></Col>
          <Col span={6}><Statistic title="欠分合计" value={report.totals.debt} /></Col>
        </Row>
      </Card>
      {report.mismatches.length === 0 ? (
        <Alert type="success" showIcon message="账实相符：每个账户的余额 = 流水之和 = 批次剩余之和" />
      ) : (
        <Card title={<span style={{ color: '#cf1322' }}>不一致的账户（{report.mismatches.length}）</span>}>
          <Table<ConsistencyRow>
            rowKey="memberId"
            dataSource={report.mismatches}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '会员', render: (_, r) => <Link to={`/members/${r.memberId}`}>#{r.memberId}</Link> },
              { title: '可用 / 流水 / 批次', render: (_, r) => `${r.balance} / ${r.sumBalance} / ${r.sumLots}` },
              { title: '待生效 / 流水', render: (_, r) => `${r.pending} / ${r.sumPending}` },
              { title: '欠分 / 流水', render: (_, r) => `${r.debt} / ${r.sumDebt}` },
            ]}
          />
        </Card>
      )}
    </PageContainer>
  );
}
