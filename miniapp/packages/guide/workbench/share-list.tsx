/**
 * A block of things a guide shares (products, group-buy campaigns): each row shares a card
 * carrying the guide's token (weapp: the share button, whose data-key the page's
 * onShareAppMessage reads; H5: copy the path) and makes a poster whose code carries the token.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { fetchGuidePoster, type GuidePoster } from '../../../services/guides';
import { messageOf } from '../../../services/http';
import { toast } from '../../../utils/toast';

export interface ShareItem {
  /** `product:12` / `campaign:3`: what the share button tells onShareAppMessage. */
  key: string;
  kind: GuidePoster['kind'];
  id: number;
  title: string;
  path: string;
}

export function ShareList({ title, items, empty }: { title: string; items: ShareItem[]; empty: string }) {
  const [poster, setPoster] = useState<{ key: string; image: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const makePoster = async (item: ShareItem) => {
    if (busy) return;
    setBusy(item.key);
    try {
      const p = await fetchGuidePoster(item.kind, item.id);
      setPoster({ key: item.key, image: p.image });
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className='guide-block'>
      <Text className='guide-block__title'>{title}</Text>
      {items.length === 0 && <Text className='guide-empty'>{empty}</Text>}
      {items.map((item) => (
        <View key={item.key} className={`guide-share guide-share--${item.kind}`}>
          <View className='guide-share__row'>
            <View className='guide-share__info'>
              <Text className='guide-share__title'>{item.title}</Text>
              <Text className='guide-share__path' selectable>
                {item.path}
              </Text>
            </View>
            {process.env.TARO_ENV === 'weapp' ? (
              <Button className='guide-share__button' openType='share' data-key={item.key} size='mini'>
                分享
              </Button>
            ) : (
              <View className='guide-share__button' onClick={() => void Taro.setClipboardData({ data: item.path })}>
                复制
              </View>
            )}
            <View className='guide-share__button guide-share__poster' onClick={() => void makePoster(item)}>
              {busy === item.key ? '生成中…' : '海报'}
            </View>
          </View>
          {poster?.key === item.key && <Image className='guide-share__code' src={poster.image} mode='aspectFit' showMenuByLongpress />}
        </View>
      ))}
    </View>
  );
}
