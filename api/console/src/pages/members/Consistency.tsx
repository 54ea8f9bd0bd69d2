/**
 * 积分对账: accounts page by page (member order, up to 500 a page), each balance against the sums
 * of its ledger and lots, checked on the server for that page only; 只看不一致 keeps the page's
 * mismatches, which should be none.
 */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ConsistencyPage, ConsistencyRow } from '@common/membership/types';
import { api, call } from '../../api/client';

const columns: ProColumns<ConsistencyRow>[] = [
  { title: '只看不一致', dataIndex: 'onlyMismatched', hideInTable: true, valueType: 'select', valueEnum: { true: { text: '是' }, false: { text: '否' } } },
  { title: '会员', dataIndex: 'memberId', search: false, render: (_, r) => <Link to={`/members/${r.memberId}`}>#{r.memberId}</Link> },
  { title: '结果', dataIndex: 'consistent', search: false, render: (_, r) => (r.consistent ? <Tag color="green">一致</Tag> : <Tag color="red">不一致</Tag>) },
  { title: '可用 / 流水 / 批次', search: false, render: (_, r) => `${r.balance} / ${r.sumBalance} / ${r.sumLots}` },
  { title: '待生效 / 流水', search: false, render: (_, r) => `${r.pending} / ${r.sumPending}` },
  { title: '欠分 / 流水', search: false, render: (_, r) => `${r.debt} / ${r.sumDebt}` },
];

export default function Consistency() {
  const [summary, setSummary] = useState<{ checked: number; mismatched: number } | null>(null);
  return (
    <ProTable<ConsistencyRow, { onlyMismatched?: 'true' | 'false' }>
      headerTitle={summary ? `积分对账：本页核对 ${summary.checked} 个账户，${summary.mismatched ? `${summary.mismatched} 个不一致` : '账实相符'}` : '积分对账'}
      tooltip="每个账户的余额 = 流水之和 = 批次剩余之和；按会员分页核对，每页至多 500 个账户"
      rowKey="memberId"
      columns={columns}
      rowClassName={(r) => (r.consistent ? '' : 'consistency-mismatch')}
      pagination={{ defaultPageSize: 100, pageSizeOptions: [100, 200, 500], showSizeChanger: true, showTotal: (total) => `共 ${total} 个账户` }}
      locale={{ emptyText: '本页没有需要显示的账户' }}
      request={async ({ current = 1, pageSize = 100, onlyMismatched }) => {
        const query = { page: current, pageSize, onlyMismatched };
        const p = await call<ConsistencyPage>(api.GET('/api/hq/points/consistency', { params: { query } }));
        setSummary({ checked: p.checked, mismatched: p.mismatched });
        return { data: p.items, total: p.total, success: true };
      }}
    />
  );
}
