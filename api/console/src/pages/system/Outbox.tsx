/** 系统 → 事件投递: deliveries that are retrying or have given up, with their last error; retry one now. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Tag, message } from 'antd';
import { useRef } from 'react';
import { api, call } from '../../api/client';
import { beijing } from '../../format';

interface StuckDelivery {
  id: number;
  eventId: number;
  type: string;
  aggregateId: string;
  handler: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

export default function OutboxPage() {
  const ref = useRef<ActionType>();
  const retry = async (id: number) => {
    try {
      await call(api.POST('/api/hq/outbox/deliveries/{id}/retry', { params: { path: { id } } }));
      message.success('已重新投递');
      ref.current?.reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : '重试失败');
    }
  };
  const columns: ProColumns<StuckDelivery>[] = [
    { title: '事件', dataIndex: 'type' },
    { title: '处理者', dataIndex: 'handler' },
    { title: '状态', dataIndex: 'status', render: (_, d) => <Tag color={d.status === 'dead' ? 'red' : 'orange'}>{d.status === 'dead' ? '已放弃' : '重试中'}</Tag> },
    { title: '尝试次数', dataIndex: 'attempts', align: 'right' },
    { title: '最近错误', dataIndex: 'lastError', ellipsis: true },
    { title: '发生时间', dataIndex: 'createdAt', render: (_, d) => beijing(d.createdAt) },
    { title: '操作', valueType: 'option', render: (_, d) => <Button size="small" onClick={() => retry(d.id)}>立即重试</Button> },
  ];
  return (
    <ProTable<StuckDelivery>
      headerTitle="事件投递（重试中或已放弃）"
      rowKey="id"
      actionRef={ref}
      search={false}
      columns={columns}
      pagination={false}
      locale={{ emptyText: '没有卡住的事件投递，一切正常' }}
      request={async () => ({ data: await call<StuckDelivery[]>(api.GET('/api/hq/outbox/stuck')), success: true })}
    />
  );
}
