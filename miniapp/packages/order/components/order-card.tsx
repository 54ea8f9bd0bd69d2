/** One order in 订单列表: status, lines, 实付, and the buttons its status allows. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { shopperActions, statusLabel } from '@common/order/state';
import type { OrderSummaryDto } from '@common/order/types';
import { Price } from '../../../components/price';
import { OrderLines } from './order-lines';
import { url } from '../../../routes';
import './order-card.scss';

interface OrderCardProps {
  order: OrderSummaryDto;
  busy: boolean;
  onCancel: (id: number) => void;
  onPay: (id: number, amountFen: number) => void;
  onConfirm: (id: number) => void;
}

export function OrderCard({ order, busy, onCancel, onPay, onConfirm }: OrderCardProps) {
  const actions = shopperActions(order.status, order.kind, order.payableFen);
  const open = () => void Taro.navigateTo({ url: url('orderDetail', { id: order.id }) });
  const act = (fn: (id: number) => void) => (e: { stopPropagation: () => void }) => {
    e.stopPropagation();
    if (!busy) fn(order.id);
  };
  return (
    <View className='order-card' onClick={open}>
      <View className='order-card__head'>
        <Text className='order-card__no'>订单号 {order.orderNo}</Text>
        <Text className={`order-card__status order-card__status--${order.status}`}>{statusLabel(order.status, order.kind)}</Text>
      </View>
      <OrderLines lines={order.lines} />
      <View className='order-card__sum'>
        <Text className='order-card__count'>共 {order.itemCount} 件</Text>
        <Text className='order-card__label'>{order.status === 'pending_payment' ? '需付款' : '实付'}</Text>
        <Price className='order-card__payable' fen={order.payableFen} size='sm' />
      </View>
      <View className='order-card__buttons'>
        {actions.cancel && (
          <View className='order-btn cancel-button' onClick={act(onCancel)}>
            取消订单
          </View>
        )}
        {actions.refund && (
          <View className='order-btn' onClick={act(() => open())}>
            申请退款
          </View>
        )}
        {!actions.pay && !actions.confirm && (
          <View className='order-btn' onClick={act(() => open())}>
            查看详情
          </View>
        )}
        {actions.confirm && (
          <View className='order-btn order-btn--primary confirm-button' onClick={act(onConfirm)}>
            确认收货
          </View>
        )}
        {actions.pay && (
          <View className='order-btn order-btn--primary pay-button' onClick={act((id) => onPay(id, order.payableFen))}>
            去支付
          </View>
        )}
      </View>
    </View>
  );
}
