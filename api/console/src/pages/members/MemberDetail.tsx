/** 会员详情: tier, growth and points at the top; 积分明细 (paged), 等级变更 and the member's other facts in tabs; 调整积分. */
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { MemberCardDto, PointsEntryDto, PointsLedgerPage } from '@common/membership/types';
import { api, ApiError, call } from '../../api/client';
import { beijing } from '../../format';
import { loadError } from '../../form-dialogs';
import { AdjustPointsModal } from './AdjustPoints';
import { memberFactTabs } from './MemberFacts';
import { MemberPhone } from './MemberPhone';
import { ENTRY_KIND_LABELS, signed } from './labels';

interface TierLogRow {
  id: number;
  fromTier: string;
  toTier: string;
  growth: number;
  reason: string;
  createdAt: string;
}

const ledgerColumns: ProColumns<PointsEntryDto>[] = [
  { title: '时间（北京时间）', dataIndex: 'createdAt', render: (_, e) => beijing(e.createdAt) },
  { title: '类型', dataIndex: 'kind', render: (_, e) => <Tag>{ENTRY_KIND_LABELS[e.kind] ?? e.kind}</Tag> },
  { title: '原因', dataIndex: 'reason' },
  { title: '可用变动', dataIndex: 'balanceDelta', align: 'right', render: (_, e) => signed(e.balanceDelta) },
  { title: '待生效变动', dataIndex: 'pendingDelta', align: 'right', render: (_, e) => signed(e.pendingDelta) },
  { title: '欠分变动', dataIndex: 'debtDelta', align: 'right', render: (_, e) => signed(e.debtDelta) },
];

export default function MemberDetail() {
  const id = Number(useParams().id);
  const [data, setData] = useState<{ card: MemberCardDto; tierLog: TierLogRow[] } | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const ledger = useRef<ActionType>();

  const load = useCallback(async () => {
    try {
      setData(await call(api.GET('/api/hq/membership/members/{id}', { params: { path: { id } } })));
      setError(null);
    } catch (err) {
      setError({ status: err instanceof ApiError ? err.status : 0, message: loadError(err) });
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  if (error?.status === 404 || !Number.isInteger(id) || id < 1) return <Result status="404" title="会员不存在" subTitle="该会员不存在或无权查看" />;
  if (error) return <Result status="error" title="会员信息加载失败" subTitle={error.message} extra={<Button onClick={load}>重试</Button>} />;
  if (!data) return <Card><Skeleton active /></Card>;

  const { card, tierLog } = data;
  return (
    <PageContainer title={`会员 #${id}`} extra={<Button type="primary" onClick={() => setAdjusting(true)}>调整积分</Button>}>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={4} size="small">
          <Descriptions.Item label="等级"><Tag color="gold">{card.tierLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label="成长值">{card.growth}</Descriptions.Item>
          <Descriptions.Item label="距下一级">{card.next ? `${card.next.label} 还差 ${card.next.missing}` : '已是最高等级'}</Descriptions.Item>
          <Descriptions.Item label="生日">{card.birthday ?? '未填写'}</Descriptions.Item>
          <Descriptions.Item label="可用积分"><span data-testid="points-balance">{card.points.balance}</span></Descriptions.Item>
          <Descriptions.Item label="待生效">{card.points.pending}</Descriptions.Item>
          <Descriptions.Item label="欠分">{card.points.debt}</Descriptions.Item>
          <Descriptions.Item label="30 天内过期">{card.points.expiringSoon ? `${card.points.expiringSoon}（${card.points.expiringOn} 起）` : '无'}</Descriptions.Item>
          <Descriptions.Item label="手机号" span={2}><MemberPhone memberId={id} /></Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'ledger',
              label: '积分明细',
              children: (
                <ProTable<PointsEntryDto>
                  rowKey="id"
                  actionRef={ledger}
                  search={false}
                  options={false}
                  columns={ledgerColumns}
                  pagination={{ defaultPageSize: 20, showSizeChanger: false }}
                  locale={{ emptyText: '暂无积分记录' }}
                  request={async ({ current = 1, pageSize = 20 }) => {
                    const page = await call<PointsLedgerPage>(api.GET('/api/hq/points/members/{id}/ledger', { params: { path: { id }, query: { page: current, pageSize } } }));
                    return { data: page.items, total: page.total, success: true };
                  }}
                />
              ),
            },
            {
              key: 'tiers',
              label: '等级变更',
              children: (
                <Table<TierLogRow>
                  rowKey="id"
                  dataSource={tierLog}
                  pagination={false}
                  locale={{ emptyText: '暂无等级变更' }}
                  columns={[
                    { title: '时间（北京时间）', render: (_, r) => beijing(r.createdAt) },
                    { title: '变更', render: (_, r) => `${r.fromTier} → ${r.toTier}` },
                    { title: '当时成长值', dataIndex: 'growth', align: 'right' },
                    { title: '原因', dataIndex: 'reason' },
                  ]}
                />
              ),
            },
            ...memberFactTabs(id),
          ]}
        />
      </Card>
      {card.points.debt > 0 && <Alert style={{ marginTop: 16 }} type="warning" showIcon message={`该会员有 ${card.points.debt} 欠分：退款扣回时积分不足，之后获得的积分会先抵扣欠分。`} />}
      <AdjustPointsModal
        memberId={id}
        open={adjusting}
        onClose={() => setAdjusting(false)}
        onDone={() => {
          setAdjusting(false);
          void load();
          ledger.current?.reload();
        }}
      />
    </PageContainer>
  );
}
