/** 系统 → 任务: every scheduled job (paged on the server, filtered by name and by a failed last run), how often it runs and its last run (when, how long, which instance, its answer or error). */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import type { JobStatusDto } from '@common/jobs/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { beijing } from '../../format';

const every = (ms: number) => (ms % 3_600_000 === 0 ? `每 ${ms / 3_600_000} 小时` : ms % 60_000 === 0 ? `每 ${ms / 60_000} 分钟` : `每 ${Math.round(ms / 1000)} 秒`);

const columns: ProColumns<JobStatusDto>[] = [
  { title: '任务', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '名称包含', maxLength: 40 } },
  { title: '任务', dataIndex: 'name', search: false },
  { title: '频率', search: false, render: (_, j) => every(j.intervalMs) },
  { title: '最近运行（北京时间）', search: false, render: (_, j) => (j.lastStartedAt ? beijing(j.lastStartedAt) : '尚未运行') },
  { title: '耗时', search: false, align: 'right', render: (_, j) => (j.lastMs === null ? '—' : `${j.lastMs} ms`) },
  { title: '结果', dataIndex: 'failing', valueType: 'select', valueEnum: { true: { text: '失败' }, false: { text: '成功或未运行' } }, render: (_, j) => (!j.lastStartedAt ? '—' : j.lastError ? <Tag color="red">失败</Tag> : <Tag color="green">成功</Tag>) },
  { title: '错误 / 返回', search: false, ellipsis: true, render: (_, j) => <Typography.Text type={j.lastError ? 'danger' : undefined}>{j.lastError ?? j.lastResult ?? '—'}</Typography.Text> },
  { title: '实例', dataIndex: 'lastHolder', search: false, ellipsis: true, render: (_, j) => j.lastHolder ?? '—' },
  { title: '状态', search: false, render: (_, j) => (j.leasedUntil ? <Tag color="blue">运行中</Tag> : <Tag>空闲</Tag>) },
];

export default function Jobs() {
  return (
    <ProTable<JobStatusDto, { keyword?: string; failing?: 'true' | 'false' }>
      headerTitle="定时任务"
      rowKey="name"
      columns={columns}
      pagination={{ defaultPageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 个` }}
      locale={{ emptyText: '没有符合条件的定时任务' }}
      request={async ({ current = 1, pageSize = 20, keyword, failing }) => {
        const query = { page: current, pageSize, keyword: keyword?.trim() || undefined, failing };
        const page = await call<Page<JobStatusDto>>(api.GET('/api/hq/jobs', { params: { query } }));
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
