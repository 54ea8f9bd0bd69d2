/**
 * 首页 flash-sale strip: the current group-buy campaign with its countdown (from server time)
 * and progress 已拼 x / total. Renders nothing when no campaign is on.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { CampaignDto } from '@common/groupbuy/types';
import { assetUrl } from '../../services/http';
import { fetchCurrentCampaigns } from '../../services/groupbuy';
import { formatCountdown } from '../../utils/format';
import { usePageShow } from '../../hooks/use-page-show';
import { Price } from '../price';
import { url } from '../../routes';
import './index.scss';

export function FlashSaleStrip() {
  const [c, setC] = useState<CampaignDto | null>(null);
  const [now, setNow] = useState(() => Date.now());
  // Loaded on mount (首页 mounts the strip after its first products, see useAfterPaint), and again
  // each time 首页 shows after being hidden.
  usePageShow(() => void fetchCurrentCampaigns().then((list) => setC(list[0] ?? null), () => undefined));
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (!c) return null;
  const upcoming = Date.parse(c.startAt) > now;
  const ms = Date.parse(upcoming ? c.startAt : c.endAt) - now;
  return (
    <View className='flash-strip' onClick={() => void Taro.navigateTo({ url: url('groupCampaign', { id: c.id }) })}>
      <View className='flash-strip__head'>
        <Text className='flash-strip__title'>拼团秒杀</Text>
        <Text className='flash-strip__clock'>{upcoming ? '距开始' : '距结束'} {formatCountdown(ms)}</Text>
      </View>
      <View className='flash-strip__body'>
        <Image className='flash-strip__image' src={assetUrl(c.image)} mode='aspectFill' />
        <View className='flash-strip__info'>
          <Text className='flash-strip__name'>{c.title}</Text>
          <Price fen={c.groupPriceFen} />
          <Text className='flash-strip__progress'>已拼 {c.sold} / {c.stockTotal}</Text>
        </View>
      </View>
    </View>
  );
}
