/** 我的拼团: every seat the shopper took, with its group's state. */
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { MyGroupDto } from '@common/groupbuy/types';
import { GROUP_STATUS_LABELS } from '@common/groupbuy/state';
import { ensureSession } from '../../../services/session';
import { assetUrl, messageOf } from '../../../services/http';
import { fetchMyGroups, groupSharePath } from '../../../services/groupbuy';
import { Price } from '../../../components/price';
import '../components/page.scss';

export default function MyGroupsPage() {
  const [items, setItems] = useState<MyGroupDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useDidShow(() => {
    void ensureSession()
      .then(fetchMyGroups)
      .then(setItems, (e: unknown) => setError(messageOf(e)));
  });
  if (error) return <View className='gb-error'>{error}</View>;
  if (!items) return <View className='gb-page' />;
  if (items.length === 0) return <View className='gb-error'>还没有参加过拼团</View>;
  return (
    <View className='gb-page my-groups'>
      {items.map((it) => (
        <View className='gb-card gb-hero my-group' key={it.orderId} onClick={() => void Taro.navigateTo({ url: groupSharePath(it.group.id) })}>
          <Image className='gb-hero__image' src={assetUrl(it.campaign.image)} mode='aspectFill' />
          <View className='gb-hero__body'>
            <Text className='gb-hero__title'>{it.campaign.title}</Text>
            <Price fen={it.campaign.groupPriceFen} />
            <Text className='gb-note'>
              {GROUP_STATUS_LABELS[it.group.status]} · {it.group.seatsPaid}/{it.group.size} 人已支付
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
