/** 系统 → 操作日志: who did what to which object, with the values before and after; searchable, paged on the server, append-only. */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import { HQ_ROLE_LABELS } from '@common/hq/roles';
import type { AuditEntryDto, AuditPage, AuditQuery } from '@common/hq/types';
import { api, call } from '../../api/client';
import { beijing } from '../../format';

const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

const columns: ProColumns<AuditEntryDto>[] = [
  { title: '时间（北京时间）', dataIndex: 'at', valueType: 'dateRange', render: (_, e) => beijing(e.at), search: { transform: ([from, to]: [string, string]) => ({ from, to }) } },
  { title: '操作人', dataIndex: 'username', render: (_, e) => <>{e.username} <Tag>{HQ_ROLE_LABELS[e.role] ?? e.role}</Tag></> },
  { title: '动作', dataIndex: 'action', copyable: true },
  { title: '对象', dataIndex: 'objectType' },
  { title: '对象 ID', dataIndex: 'objectId' },
  { title: '请求', dataIndex: 'requestId', search: false, ellipsis: true },
];

function Values({ e }: { e: AuditEntryDto }) {
  return (
    <div style={{ display: 'flex', gap: 16 }}>
      {(['before', 'after'] as const).map((k) => (
        <div key={k} style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong>{k === 'before' ? '修改前' : '修改后'}</Typography.Text>
          <pre style={{ background: '#fafafa', padding: 8, maxHeight: 320, overflow: 'auto', fontSize: 12 }}>{json(e[k])}</pre>
        </div>
      ))}
    </div>
  );
}

export default function AuditLog() {
  return (
    <ProTable<AuditEntryDto, AuditQuery>
      headerTitle="操作日志"
      rowKey="id"
      columns={columns}
      expandable={{ expandedRowRender: (e) => <Values e={e} /> }}
      pagination={{ defaultPageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: '没有符合条件的操作记录' }}
      request={async ({ current = 1, pageSize = 20, username, action, objectType, objectId, from, to }) => {
        const query = { page: current, pageSize, username: username || undefined, action: action || undefined, objectType: objectType || undefined, objectId: objectId || undefined, from, to };
        const page = await call<AuditPage>(api.GET('/api/hq/audit', { params: { query } }));
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
