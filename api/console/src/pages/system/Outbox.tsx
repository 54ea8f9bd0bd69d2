/** 系统 → 事件投递: deliveries that are retrying or have given up (paged on the server, filtered by status and handler), with their last error; retry one now. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Tag, message } from 'antd';
import { useRef } from 'react';
import type { Page } from '@common/paging';
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
    { title: '事件', dataIndex: 'type', search: false },
    { title: '处理者', dataIndex: 'handler', fieldProps: { placeholder: '处理者全名，如 points.earn-pending', maxLength: 40 } },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: { pending: { text: '重试中' }, dead: { text: '已放弃' } }, render: (_, d) => <Tag color={d.status === 'dead' ? 'red' : 'orange'}>{d.status === 'dead' ? '已放弃' : '重试中'}</Tag> },
    { title: '尝试次数', dataIndex: 'attempts', search: false, align: 'right' },
    { title: '最近错误', dataIndex: 'lastError', search: false, ellipsis: true },
    { title: '发生时间', dataIndex: 'createdAt', search: false, render: (_, d) => beijing(d.createdAt) },
    { title: '操作', valueType: 'option', render: (_, d) => <Button size="small" onClick={() => retry(d.id)}>立即重试</Button> },
  ];
  return (
    <ProTable<StuckDelivery, { handler?: string; status?: 'pending' | 'dead' }>
      headerTitle="事件投递（重试中或已放弃）"
      rowKey="id"
      actionRef={ref}
      columns={columns}
      pagination={{ defaultPageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 条` }}
      locale={{ emptyText: '没有卡住的事件投递，一切正常' }}
      request={async ({ current = 1, pageSize = 20, handler, status }) => {
        const query = { page: current, pageSize, handler: handler?.trim() || undefined, status };
        const page = await call<Page<StuckDelivery>>(api.GET('/api/hq/outbox/stuck', { params: { query } }));
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
