/** 订单详情: status (and the pay countdown), address, lines, amounts, info, and the shopper's actions. */
import { useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatFen } from '@common/money';
import { shopperActions } from '@common/order/state';
import type { OrderDetailDto } from '@common/order/types';
import { fetchOrder } from '../../../services/orders';
import { isApiError, messageOf } from '../../../services/http';
import { ErrorState } from '../../../components/empty-state';
import { AddressCard } from '../components/address-card';
import { Amounts } from '../components/amounts';
import { OrderLines } from '../components/order-lines';
import { useOrderActions } from '../components/use-order-actions';
import { AddGuidePrompt } from '../components/add-guide-prompt';
import { InfoBlock, RefundsBlock, ShippingBlock, StatusHeader } from './sections';
import { PickupBlock } from './pickup-block';
import '../components/order-card.scss';
import './index.scss';
import { withLogin } from '../../../components/require-login';
import { usePageShow } from '../../../hooks/use-page-show';

function OrderDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id) || 0;
  const [order, setOrder] = useState<OrderDetailDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Just placed on 确认订单: open the payment sheet at once, as WeChat shops do (once per visit).
  const payOnLoad = useRef(params.pay === '1');

  const load = async () => {
    try {
      const next = await fetchOrder(id);
      setOrder(next);
      setError(null);
      if (payOnLoad.current && next.status === 'pending_payment') {
        payOnLoad.current = false;
        actions.pay(next.id, next.payableFen);
      }
    } catch (e) {
      setError(isApiError(e) && e.status === 404 ? '订单不存在' : messageOf(e));
    }
  };

  const actions = useOrderActions(() => void load());
  usePageShow(() => void load());

  if (!order) {
    return (
      <View className='detail-page detail-page--blank'>
        {error ? (
          <ErrorState message={error} onRetry={() => void load()} />
        ) : (
          <View className='detail-skeleton shimmer' />
        )}
      </View>
    );
  }

  const can = shopperActions(order.status, order.kind, order.payableFen);
  const hasBar = can.cancel || can.pay || can.refund || can.confirm;
  return (
    <View className={`detail-page${hasBar ? ' detail-page--bar' : ''}`}>
      <StatusHeader order={order} onExpire={() => void load()} />
      <ShippingBlock order={order} />
      {order.kind === 'pickup' ? <PickupBlock orderId={order.id} status={order.status} /> : <AddressCard address={order.address} />}

      <View className='detail-block'>
        <Text className='detail-block__title'>Loopmall 官方商城</Text>
        <OrderLines lines={order.lines} linkToProduct />
        <Amounts
          goodsFen={order.goodsFen}
          freightFen={order.freightFen}
          discountFen={order.discountFen}
          payableFen={order.payableFen}
          adjustments={order.adjustments}
          totalLabel={order.paidAt ? '实付款' : order.status === 'pending_payment' ? '需付款' : '订单金额'}
        />
        {order.refundedFen > 0 && (
          <View className='detail-row detail-row--refunded'>
            <Text>已退款</Text>
            <Text>{formatFen(order.refundedFen)}</Text>
          </View>
        )}
      </View>

      <RefundsBlock order={order} />
      <InfoBlock order={order} />

      {hasBar && (
        <View className='detail-bar'>
          {can.cancel && (
            <View className='order-btn cancel-button' onClick={() => actions.cancel(order.id)}>
              取消订单
            </View>
          )}
          {can.refund && (
            <View className='order-btn refund-button' onClick={() => actions.askRefund(order.id, order.payableFen - order.refundedFen)}>
              申请退款
            </View>
          )}
          {can.confirm && (
            <View className='order-btn order-btn--primary confirm-button' onClick={() => actions.confirm(order.id)}>
              确认收货
            </View>
          )}
          {can.pay && (
            <View className='order-btn order-btn--primary pay-button' onClick={() => actions.pay(order.id, order.payableFen)}>
              {actions.busy ? '支付中…' : `去支付 ${formatFen(order.payableFen)}`}
            </View>
          )}
        </View>
      )}
      {actions.overlays}
      <AddGuidePrompt order={order} />
    </View>
  );
}

export default withLogin(OrderDetailPage, '登录后查看订单详情');
