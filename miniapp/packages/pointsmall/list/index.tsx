/** 积分商城: items priced in points (or points + cash); goods ship, coupons arrive at once. */
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { MallItemDto } from '@common/pointsmall/types';
import { fetchMallItems } from '../../../services/pointsmall';
import { assetUrl, messageOf } from '../../../services/http';
import { EmptyState, ErrorState } from '../../../components/empty-state';
import { url } from '../../../routes';
import { MallPrice } from '../price';
import '../index.scss';

export default function PointsMallPage() {
  const [items, setItems] = useState<MallItemDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    setError(null);
    fetchMallItems().then(setItems, (e) => setError(messageOf(e)));
  };
  useDidShow(load);

  return (
    <View className='mall-page'>
      <View className='mall-records-entry' onClick={() => void Taro.navigateTo({ url: url('redemptions') })}>
        兑换记录
      </View>
      {error && <ErrorState message={error} onRetry={load} />}
      {items?.length === 0 && <EmptyState title='积分商城正在上新' description='过几天再来看看吧' />}
      <View className='mall-grid'>
        {items?.map((i) => (
          <View key={i.id} className='mall-item' onClick={() => void Taro.navigateTo({ url: url('mallItem', { id: i.id }) })}>
            {i.image ? <Image className='mall-item__image' src={assetUrl(i.image)} mode='aspectFill' /> : <View className='mall-item__image mall-item__image--coupon'>券</View>}
            <Text className='mall-item__title'>{i.title}</Text>
            <MallPrice points={i.pointsPrice} cashFen={i.cashFen} />
            <Text className='mall-item__stock'>{i.stock > 0 ? `剩余 ${i.stock}` : '已兑完'}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
