/**
 * 订单详情 of a pickup order: the pickup code in big digits (shown once the order is paid; the
 * counter types or scans it), and the store's name, address and hours. Its own load, with
 * loading and error states; the order's status above says 待自提 / 已自提.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { groupCode } from '@common/pickup/rules';
import { PICKUP_STATE_LABELS, type ShopperPickupDto } from '@common/pickup/types';
import { messageOf } from '../../../services/http';
import { fetchPickupOfOrder } from '../../../services/pickup';
import { formatDateTimeCn } from '../../../utils/format';
import './pickup-block.scss';

export function PickupBlock({ orderId, status }: { orderId: number; status: string }) {
  const [pickup, setPickup] = useState<ShopperPickupDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    fetchPickupOfOrder(orderId).then(setPickup, (e) => setError(messageOf(e)));
  };
  // Again whenever the order's status changes (paid → the code appears; collected → 已自提).
  useEffect(load, [orderId, status]);

  if (error) {
    return (
      <View className='detail-block pickup-block pickup-block--error'>
        <Text>{error}</Text>
        <Text className='pickup-block__retry' onClick={load}>点击重试</Text>
      </View>
    );
  }
  if (!pickup) return <View className='detail-block pickup-block pickup-block--loading shimmer' />;
  return (
    <View className={`detail-block pickup-block pickup-block--${pickup.state}`}>
      <View className='pickup-block__head'>
        <Text className='detail-block__title'>到店自提</Text>
        <Text className='pickup-block__state'>{PICKUP_STATE_LABELS[pickup.state]}</Text>
      </View>
      {pickup.code ? (
        <View className='pickup-block__code-box'>
          <Text className='pickup-block__code-label'>提货码</Text>
          <Text className={`pickup-code${pickup.state === 'collected' ? ' pickup-code--used' : ''}`}>{groupCode(pickup.code)}</Text>
          <Text className='pickup-block__code-hint'>
            {pickup.state === 'collected' && pickup.collectedAt ? `已于 ${formatDateTimeCn(pickup.collectedAt)} 取货` : '到店出示提货码，店员核销后即可取货'}
          </Text>
        </View>
      ) : (
        <Text className='pickup-block__code-hint'>{pickup.state === 'awaiting_payment' ? '支付后生成提货码' : '提货码已失效'}</Text>
      )}
      <View className='pickup-block__store'>
        <Text className='pickup-block__store-name'>{pickup.store.name}</Text>
        <Text className='pickup-block__store-line'>{pickup.store.address}</Text>
        <Text className='pickup-block__store-line'>营业时间 {pickup.store.hours}</Text>
      </View>
    </View>
  );
}
