/** 系统 → 任务: every scheduled job, how often it runs and its last run (when, how long, which instance, its answer or error). */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import type { JobStatusDto } from '@common/jobs/types';
import { api, call } from '../../api/client';
import { beijing } from '../../format';

const every = (ms: number) => (ms % 3_600_000 === 0 ? `每 ${ms / 3_600_000} 小时` : ms % 60_000 === 0 ? `每 ${ms / 60_000} 分钟` : `每 ${Math.round(ms / 1000)} 秒`);

const columns: ProColumns<JobStatusDto>[] = [
  { title: '任务', dataIndex: 'name' },
  { title: '频率', render: (_, j) => every(j.intervalMs) },
  { title: '最近运行（北京时间）', render: (_, j) => (j.lastStartedAt ? beijing(j.lastStartedAt) : '尚未运行') },
  { title: '耗时', align: 'right', render: (_, j) => (j.lastMs === null ? '—' : `${j.lastMs} ms`) },
  { title: '结果', render: (_, j) => (!j.lastStartedAt ? '—' : j.lastError ? <Tag color="red">失败</Tag> : <Tag color="green">成功</Tag>) },
  { title: '错误 / 返回', ellipsis: true, render: (_, j) => <Typography.Text type={j.lastError ? 'danger' : undefined}>{j.lastError ?? j.lastResult ?? '—'}</Typography.Text> },
  { title: '实例', dataIndex: 'lastHolder', ellipsis: true, render: (_, j) => j.lastHolder ?? '—' },
  { title: '状态', render: (_, j) => (j.leasedUntil ? <Tag color="blue">运行中</Tag> : <Tag>空闲</Tag>) },
];

export default function Jobs() {
  return (
    <ProTable<JobStatusDto>
      headerTitle="定时任务"
      rowKey="name"
      search={false}
      columns={columns}
      pagination={false}
      locale={{ emptyText: '没有注册的定时任务' }}
      request={async () => ({ data: await call<JobStatusDto[]>(api.GET('/api/hq/jobs')), success: true })}
    />
  );
}
