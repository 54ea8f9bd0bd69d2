/**
 * 订单详情: lines and amounts, the address, shipping (发货), the state log, the payment, refunds
 * with their review and logs, and the guide attribution with its evidence.
 */
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag, Timeline } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ORDER_STATUS_LABELS, statusLabel, type OrderStatus } from '@common/order/state';
import { REFUND_STATUS_LABELS, type HqOrderPaymentsDto, type OrderDetailDto, type OrderLineDto, type RefundDto, type StateLogEntryDto } from '@common/order/types';
import { api, ApiError, call } from '../../api/client';
import { beijing, yuan } from '../../format';
import { KIND_LABELS } from './OrderList';
import { IssueRefundButton, RefundReviewButtons } from './RefundActions';
import { ShipModal } from './ShipModal';

interface Attribution {
  guideId: number | null;
  boundGuideId: number | null;
  sharingGuideId: number | null;
  storeId: number | null;
  groupChatId: string | null;
  tokenId: string | null;
  scene: number | null;
  touchAt: string | null;
  ruleVersion: number;
  reason: string;
}

const statusText = (s: string | null) => (s ? (ORDER_STATUS_LABELS[s as OrderStatus] ?? REFUND_STATUS_LABELS[s as keyof typeof REFUND_STATUS_LABELS] ?? s) : '—');

function LogTimeline({ log }: { log: StateLogEntryDto[] }) {
  if (!log.length) return <span>暂无记录</span>;
  return (
    <Timeline
      items={log.map((e) => ({
        children: (
          <span>
            {beijing(e.createdAt)}　{statusText(e.fromStatus)} → <b>{statusText(e.toStatus)}</b>　<Tag>{e.event}</Tag>
            {e.actor}
            {e.note && `：${e.note}`}
          </span>
        ),
      }))}
    />
  );
}

export default function OrderDetail() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [order, setOrder] = useState<OrderDetailDto | null>(null);
  const [stateLog, setStateLog] = useState<StateLogEntryDto[] | null>(null);
  const [history, setHistory] = useState<HqOrderPaymentsDto | null>(null);
  const [attribution, setAttribution] = useState<Attribution | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [shipping, setShipping] = useState(false);

  const load = useCallback(() => {
    setError(null);
    const path = { params: { path: { id } } };
    Promise.all([
      call<OrderDetailDto>(api.GET('/api/hq/orders/{id}', path)),
      call<StateLogEntryDto[]>(api.GET('/api/hq/orders/{id}/state-log', path)),
      call<HqOrderPaymentsDto>(api.GET('/api/hq/orders/{id}/payments', path)),
      // No attribution row (an order placed with no guide in reach) answers 404: shown as 未归属.
      call<Attribution>(api.GET('/api/hq/orders/{id}/attribution', path)).catch((err) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err))),
    ])
      .then(([o, log, h, a]) => {
        setOrder(o);
        setStateLog(log);
        setHistory(h);
        setAttribution(a);
      })
      .catch(setError);
  }, [id]);
  useEffect(load, [load]);

  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? '订单不存在' : '订单加载失败'} subTitle={missing ? undefined : error.message} extra={<Button onClick={() => navigate('/orders')}>返回订单列表</Button>} />;
  }
  if (!order || !stateLog || !history || attribution === undefined) return <Card><Skeleton active paragraph={{ rows: 12 }} /></Card>;
  const refundable = order.payableFen - order.refundedFen;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={`订单 ${order.orderNo}`}
        extra={
          <Space>
            {order.status === 'paid' && (
              <Button type="primary" onClick={() => setShipping(true)} id="order-ship">
                发货
              </Button>
            )}
            {['paid', 'shipped', 'completed'].includes(order.status) && <IssueRefundButton orderId={order.id} maxFen={refundable} onChanged={load} />}
            <a onClick={() => navigate('/orders')}>返回列表</a>
          </Space>
        }
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item label="状态"><Tag color="blue" id="order-status">{statusLabel(order.status, order.kind)}</Tag></Descriptions.Item>
          <Descriptions.Item label="类型">{KIND_LABELS[order.kind]}</Descriptions.Item>
          <Descriptions.Item label="下单时间">{beijing(order.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="商品金额">{yuan(order.goodsFen)}</Descriptions.Item>
          <Descriptions.Item label="优惠">{yuan(order.discountFen)}</Descriptions.Item>
          <Descriptions.Item label="运费">{yuan(order.freightFen)}</Descriptions.Item>
          <Descriptions.Item label="实付">{yuan(order.payableFen)}</Descriptions.Item>
          <Descriptions.Item label="已退款">{yuan(order.refundedFen)}</Descriptions.Item>
          <Descriptions.Item label="支付时间">{beijing(order.paidAt)}</Descriptions.Item>
          <Descriptions.Item label="收货人">{order.address ? `${order.address.name} ${order.address.phone}` : '到店自提'}</Descriptions.Item>
          <Descriptions.Item label="收货地址" span={2}>{order.address ? `${order.address.region} ${order.address.detail}` : '—（到店自提，无需配送）'}</Descriptions.Item>
          <Descriptions.Item label="物流">{order.shipping ? `${order.shipping.carrierName} ${order.shipping.trackingNo}（${beijing(order.shippedAt)}）` : '未发货'}</Descriptions.Item>
          <Descriptions.Item label="备注" span={2}>{order.remark || '—'}</Descriptions.Item>
        </Descriptions>
        <Table<OrderLineDto>
          size="small"
          rowKey="skuId"
          pagination={false}
          dataSource={order.lines}
          columns={[
            { title: '商品', render: (_, l) => `${l.title}${l.specLabel ? `（${l.specLabel}）` : ''}` },
            { title: '单价', dataIndex: 'unitPriceFen', align: 'right', render: (v: number) => yuan(v) },
            { title: '数量', dataIndex: 'quantity', align: 'right' },
            { title: '优惠', dataIndex: 'discountFen', align: 'right', render: (v: number) => yuan(v) },
            { title: '实付', dataIndex: 'payableFen', align: 'right', render: (v: number) => yuan(v) },
          ]}
        />
        {order.adjustments.length > 0 && (
          <p style={{ marginTop: 8 }}>优惠明细：{order.adjustments.map((a) => `${a.label ?? a.kind} -${yuan(a.appliedFen)}`).join('；')}</p>
        )}
      </Card>
      <Card title="状态记录">
        <LogTimeline log={stateLog} />
      </Card>
      <Card title="支付">
        {history.payment ? (
          <Descriptions column={3} size="small">
            <Descriptions.Item label="商户单号">{history.payment.outTradeNo}</Descriptions.Item>
            <Descriptions.Item label="方式">{{ wechat: '微信支付', dev: '开发模式', zero: '零元（积分/优惠券抵扣）' }[history.payment.mode]}</Descriptions.Item>
            <Descriptions.Item label="金额">{yuan(history.payment.amountFen)}</Descriptions.Item>
            <Descriptions.Item label="微信支付单号">{history.payment.transactionId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="支付时间">{beijing(history.payment.paidAt)}</Descriptions.Item>
          </Descriptions>
        ) : (
          '尚未发起支付'
        )}
      </Card>
      <Card title="退款">
        <Table<RefundDto>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={order.refunds}
          locale={{ emptyText: '没有退款' }}
          expandable={{ expandedRowRender: (r) => <LogTimeline log={history.refundLogs.filter((l) => l.refundId === r.id)} /> }}
          columns={[
            { title: '退款单号', dataIndex: 'refundNo' },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
            { title: '原因', dataIndex: 'reason' },
            { title: '状态', dataIndex: 'status', render: (s: RefundDto['status']) => REFUND_STATUS_LABELS[s] },
            { title: '申请时间', dataIndex: 'createdAt', render: (v: string) => beijing(v) },
            { title: '操作', render: (_, r) => <RefundReviewButtons refund={r} onChanged={load} /> },
          ]}
        />
      </Card>
      <Card title="导购归因">
        {attribution ? (
          <Descriptions column={3} size="small">
            <Descriptions.Item label="归属导购">{attribution.guideId ?? '无'}</Descriptions.Item>
            <Descriptions.Item label="绑定导购">{attribution.boundGuideId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="分享导购">{attribution.sharingGuideId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="门店">{attribution.storeId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="依据">{attribution.reason}</Descriptions.Item>
            <Descriptions.Item label="规则版本">v{attribution.ruleVersion}</Descriptions.Item>
            <Descriptions.Item label="触点时间">{beijing(attribution.touchAt)}</Descriptions.Item>
            <Descriptions.Item label="场景值">{attribution.scene ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="群聊 / 分享令牌">{[attribution.groupChatId, attribution.tokenId].filter(Boolean).join(' / ') || '—'}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Alert type="info" message="该订单未归属导购（下单时没有有效的绑定或分享）" />
        )}
      </Card>
      {shipping && <ShipModal orderId={order.id} orderNo={order.orderNo} onDone={(ok) => (setShipping(false), ok && load())} />}
    </Space>
  );
}
