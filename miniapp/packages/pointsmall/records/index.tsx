/** 兑换记录: what the shopper redeemed, with the points spent and whether they came back. */
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RedemptionDto } from '@common/pointsmall/types';
import { fetchRedemptions } from '../../../services/pointsmall';
import { messageOf } from '../../../services/http';
import { ensureSession } from '../../../services/session';
import { EmptyState, ErrorState } from '../../../components/empty-state';
import { formatDateTimeCn } from '../../../utils/format';
import { MallPrice } from '../price';
import '../index.scss';

export default function RedemptionsPage() {
  const [rows, setRows] = useState<RedemptionDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    ensureSession()
      .then(() => fetchRedemptions())
      .then(setRows, (e) => setError(messageOf(e)));
  };
  useDidShow(load);

  return (
    <View className='mall-page'>
      {error && <ErrorState message={error} onRetry={load} />}
      {rows?.length === 0 && <EmptyState title='还没有兑换记录' description='去积分商城逛逛吧' />}
      {rows?.map((r) => (
        <View key={r.id} className='mall-record' onClick={() => r.orderId && void Taro.navigateTo({ url: `/packages/order/detail/index?id=${r.orderId}` })}>
          <View className='mall-record__main'>
            <Text className='mall-record__title'>{r.title}</Text>
            <Text className='mall-record__time'>{formatDateTimeCn(r.createdAt)}</Text>
          </View>
          <MallPrice points={r.points} cashFen={r.cashFen} />
          <Text className={`mall-record__status mall-record__status--${r.status}`}>{r.status === 'returned' ? '已退回' : r.kind === 'coupon' ? '已到账' : '已兑换'}</Text>
        </View>
      ))}
    </View>
  );
}
