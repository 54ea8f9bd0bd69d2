/**
 * The add-your-guide prompt on 订单详情 after payment: the server answers `show` only for the
 * shopper's first paid order and only once (it records the showing), with the bound guide's card
 * or the store's default guide. Re-openable from 我的 → 我的导购.
 */
import { useEffect, useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { OrderDetailDto } from '@common/order/types';
import { GuideContact } from '../../../components/guide-contact';
import { assetUrl } from '../../../services/http';
import { type GuideCard, promptAfterOrder } from '../../../services/guides';
import './add-guide-prompt.scss';

/** How long Taro's toast stays up by default. */
const TOAST_MS = 1500;

export function AddGuidePrompt({ order }: { order: OrderDetailDto }) {
  const [guide, setGuide] = useState<GuideCard | null>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (!order.paidAt || asked.current) return;
    asked.current = true;
    promptAfterOrder(order.id).then(
      // After the 支付成功 toast has been seen (it would otherwise sit on the guide's QR code).
      // Not cancelled on unmount: the server has recorded this one showing.
      (r) => r.show && setTimeout(() => setGuide(r.guide), TOAST_MS),
      () => undefined, // the prompt is a courtesy: never in the shopper's way
    );
  }, [order.id, order.paidAt]);
  if (!guide) return null;
  return (
    <View className='guide-prompt'>
      <View className='guide-prompt__panel'>
        <Text className='guide-prompt__title'>添加您的专属导购</Text>
        <View className='guide-prompt__card'>
          {guide.avatarUrl ? <Image className='guide-prompt__avatar' src={assetUrl(guide.avatarUrl)} /> : <View className='guide-prompt__avatar'>{guide.name.slice(0, 1)}</View>}
          <View className='guide-prompt__who'>
            <Text className='guide-prompt__name'>{guide.name}</Text>
            <Text className='guide-prompt__store'>{guide.storeName}</Text>
          </View>
        </View>
        <Text className='guide-prompt__why'>新品上架、专属优惠与售后问题，随时一对一为您服务</Text>
        <GuideContact guide={guide} />
        <View className='guide-prompt__close' onClick={() => setGuide(null)}>
          以后再说
        </View>
      </View>
    </View>
  );
}
