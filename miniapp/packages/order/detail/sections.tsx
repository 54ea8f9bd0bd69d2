/** Pieces of 订单详情: the status header with its countdown, and the information rows. */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatFen } from '@common/money';
import { statusLabel } from '@common/order/state';
import { REFUND_STATUS_LABELS, type OrderDetailDto } from '@common/order/types';
import { formatCountdown, formatDateTimeCn } from '../../../utils/format';

const HINTS: Record<OrderDetailDto['status'], string> = {
  pending_payment: '请尽快完成支付',
  paid: '商家正在备货，请耐心等待',
  shipped: '商品已发出，请留意物流信息',
  completed: '订单已完成，感谢您的购买',
  cancelled: '订单已取消',
  refunding: '退款申请处理中',
  refunded: '款项已原路退回',
  grouping: '已支付，等待好友参团，成团后发货',
  pickup_ready: '商品已在门店备好，请凭提货码到店取货',
};

/** Counts down to the pay deadline; calls onExpire once when it passes. */
function Countdown({ deadline, onExpire }: { deadline: string; onExpire: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Date.parse(deadline) - now;
  useEffect(() => {
    if (left <= 0) onExpire();
    // fires once when the deadline passes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [left <= 0]);
  return <Text className='order-countdown'>剩余 {formatCountdown(left)}，超时订单将自动取消</Text>;
}

export function StatusHeader({ order, onExpire }: { order: OrderDetailDto; onExpire: () => void }) {
  return (
    <View className={`order-head order-head--${order.status}`}>
      <Text className='order-status'>{statusLabel(order.status, order.kind)}</Text>
      {order.status === 'pending_payment' && order.payDeadline ? (
        <Countdown deadline={order.payDeadline} onExpire={onExpire} />
      ) : (
        <Text className='order-head__hint'>{order.status === 'cancelled' && order.cancelReason ? `取消原因：${order.cancelReason}` : HINTS[order.status]}</Text>
      )}
    </View>
  );
}

export function ShippingBlock({ order }: { order: OrderDetailDto }) {
  if (!order.shipping) return null;
  return (
    <View className='detail-block order-shipping'>
      <Text className='detail-block__title'>物流信息</Text>
      <View className='detail-row'>
        <Text className='detail-row__label'>快递公司</Text>
        <Text>{order.shipping.carrierName}</Text>
      </View>
      <View className='detail-row'>
        <Text className='detail-row__label'>运单号</Text>
        <Text>{order.shipping.trackingNo}</Text>
      </View>
    </View>
  );
}

export function RefundsBlock({ order }: { order: OrderDetailDto }) {
  if (order.refunds.length === 0) return null;
  return (
    <View className='detail-block order-refunds'>
      <Text className='detail-block__title'>退款记录</Text>
      {order.refunds.map((r) => (
        <View key={r.id} className='order-refund'>
          <View className='detail-row'>
            <Text className='detail-row__label'>{formatDateTimeCn(r.createdAt)}</Text>
            <Text className='order-refund__status'>{REFUND_STATUS_LABELS[r.status]}</Text>
          </View>
          <View className='detail-row'>
            <Text className='detail-row__label'>退款金额</Text>
            <Text>{formatFen(r.amountFen)}</Text>
          </View>
          <View className='detail-row'>
            <Text className='detail-row__label'>退款原因</Text>
            <Text>{r.reason}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

export function InfoBlock({ order }: { order: OrderDetailDto }) {
  const rows: [string, string][] = [
    ['下单时间', formatDateTimeCn(order.createdAt)],
    ['支付时间', formatDateTimeCn(order.paidAt)],
    ['发货时间', formatDateTimeCn(order.shippedAt)],
    ['完成时间', formatDateTimeCn(order.completedAt)],
    ['取消时间', formatDateTimeCn(order.cancelledAt)],
    ['订单备注', order.remark],
  ];
  const copy = () => void Taro.setClipboardData({ data: order.orderNo }).catch(() => undefined);
  return (
    <View className='detail-block'>
      <Text className='detail-block__title'>订单信息</Text>
      <View className='detail-row'>
        <Text className='detail-row__label'>订单编号</Text>
        <View className='detail-row__value'>
          <Text className='order-no'>{order.orderNo}</Text>
          <Text className='detail-row__copy' onClick={copy}>
            复制
          </Text>
        </View>
      </View>
      {rows
        .filter(([, v]) => v)
        .map(([label, value]) => (
          <View key={label} className='detail-row'>
            <Text className='detail-row__label'>{label}</Text>
            <Text className='detail-row__value'>{value}</Text>
          </View>
        ))}
    </View>
  );
}
