/** The member detail's other tabs, each read from the module that owns it: 订单 (orders), 优惠券 (coupons), 导购与触达 (guides). */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Descriptions, Empty, Skeleton, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { MEMBER_COUPON_STATUS_LABELS } from '@common/coupon/state';
import type { MemberCouponDto } from '@common/coupon/types';
import type { HqMemberGuideDto } from '@common/membership/hq';
import { ORDER_STATUS_LABELS } from '@common/order/state';
import type { OrderSummaryDto } from '@common/order/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { beijing, yuan } from '../../format';
import { loadError } from '../../forms';

const SOURCE: Record<string, string> = { touch: '分享卡片', wecom: '添加企业微信' };

/** Loads once per member: null while loading, then the data or the error. */
function useLoad<T>(memberId: number, load: (memberId: number) => Promise<T>): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    load(memberId).then((data) => setState({ data, error: null }), (err) => setState({ data: null, error: loadError(err) }));
  }, [memberId, load]);
  return state;
}

const loadCoupons = (id: number) => call<MemberCouponDto[]>(api.GET('/api/hq/members/{id}/coupons', { params: { path: { id } } }));
const loadGuide = (id: number) => call<HqMemberGuideDto>(api.GET('/api/hq/members/{id}/guide', { params: { path: { id } } }));

const orderColumns: ProColumns<OrderSummaryDto>[] = [
  { title: '订单号', dataIndex: 'orderNo', copyable: true },
  { title: '状态', dataIndex: 'status', render: (_, o) => ORDER_STATUS_LABELS[o.status] ?? o.status },
  { title: '商品', render: (_, o) => o.lines.map((l) => `${l.title} ×${l.quantity}`).join('，') },
  { title: '实付', dataIndex: 'payableFen', align: 'right', render: (_, o) => yuan(o.payableFen) },
  { title: '下单时间', dataIndex: 'createdAt', render: (_, o) => beijing(o.createdAt) },
];

function Orders({ memberId }: { memberId: number }) {
  return (
    <ProTable<OrderSummaryDto>
      rowKey="id"
      search={false}
      options={false}
      columns={orderColumns}
      pagination={{ defaultPageSize: 10, showSizeChanger: false }}
      locale={{ emptyText: '该会员还没有订单' }}
      request={async ({ current = 1, pageSize = 10 }) => {
        const page = await call<Page<OrderSummaryDto>>(api.GET('/api/hq/members/{id}/orders', { params: { path: { id: memberId }, query: { page: current, pageSize } } }));
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}

function Coupons({ memberId }: { memberId: number }) {
  const { data, error } = useLoad(memberId, loadCoupons);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!data) return <Skeleton active />;
  return (
    <Table<MemberCouponDto>
      rowKey="id"
      dataSource={data}
      pagination={{ pageSize: 10 }}
      locale={{ emptyText: '该会员没有优惠券' }}
      columns={[
        { title: '优惠券', dataIndex: 'name' },
        { title: '面额', dataIndex: 'summary' },
        { title: '状态', render: (_, c) => <Tag>{MEMBER_COUPON_STATUS_LABELS[c.status] ?? c.status}</Tag> },
        { title: '有效期', render: (_, c) => `${beijing(c.validFrom)} 至 ${beijing(c.validTo)}` },
        { title: '领取时间', render: (_, c) => beijing(c.receivedAt) },
      ]}
    />
  );
}

function Guide({ memberId }: { memberId: number }) {
  const { data, error } = useLoad(memberId, loadGuide);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!data) return <Skeleton active />;
  const b = data.binding;
  return (
    <>
      {b ? (
        <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="专属导购">{b.guideName}（#{b.guideId}）</Descriptions.Item>
          <Descriptions.Item label="门店">{b.storeName}</Descriptions.Item>
          <Descriptions.Item label="绑定方式">{SOURCE[b.source] ?? b.source}</Descriptions.Item>
          <Descriptions.Item label="绑定时间">{beijing(b.boundAt)}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty style={{ marginBottom: 16 }} description="尚未绑定导购" />
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={data.touches}
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: '暂无触达记录' }}
        title={() => '最近触达（打开导购分享的卡片）'}
        columns={[
          { title: '时间', render: (_, t) => beijing(t.at) },
          { title: '导购', render: (_, t) => t.guideName },
          { title: '场景', render: (_, t) => (t.groupChatId ? `群聊 ${t.scene ?? ''}` : (t.scene ?? '—')) },
          { title: '页面', dataIndex: 'path' },
        ]}
      />
    </>
  );
}

export function memberFactTabs(memberId: number) {
  return [
    { key: 'orders', label: '订单', children: <Orders memberId={memberId} /> },
    { key: 'coupons', label: '优惠券', children: <Coupons memberId={memberId} /> },
    { key: 'guide', label: '导购与触达', children: <Guide memberId={memberId} /> },
  ];
}
