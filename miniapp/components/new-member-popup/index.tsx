/**
 * 新人礼 popup on 首页: once the shopper is logged in and the gift has arrived, shows what was
 * received, once (the server records the showing; a second device or visit does not see it again).
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { NewMemberGiftDto } from '@common/coupon/types';
import { fetchNewMemberGift, markNewMemberGiftShown } from '../../services/coupons';
import { onSessionChange, readSession } from '../../services/session';
import { url } from '../../routes';
import { usePageShow } from '../../hooks/use-page-show';
import './index.scss';

const GIFT_RETRIES = 5;
const GIFT_RETRY_MS = 2000;
/** Only a member registered this recently may still be waiting for the gift. */
const FRESH_MS = 5 * 60_000;

export function NewMemberPopup() {
  const [gift, setGift] = useState<NewMemberGiftDto | null>(null);

  // The gift is granted just after registration (through the outbox): a brand-new member may
  // look before it has arrived, so an empty answer is asked again a few times.
  const check = (retries = 0) => {
    const session = readSession();
    if (!session) return;
    const justRegistered = Date.now() - Date.parse(session.member.createdAt) < FRESH_MS;
    fetchNewMemberGift()
      .then((g) => {
        if (!g) {
          if (justRegistered && retries < GIFT_RETRIES) setTimeout(() => check(retries + 1), GIFT_RETRY_MS);
          return;
        }
        if (g.shown) return;
        // Record first: only the call that flips the flag shows the popup.
        return markNewMemberGiftShown().then(({ firstTime }) => firstTime && setGift(g));
      })
      .catch(() => undefined); // a popup is never worth an error on 首页
  };

  // On mount (首页 mounts the popup after its first products) and each time 首页 shows again.
  usePageShow(() => check());
  useEffect(() => onSessionChange((s) => s && check()), []);

  if (!gift) return null;
  const close = () => setGift(null);
  return (
    <View className='nm-popup' catchMove>
      <View className='nm-popup__panel new-member-popup'>
        <Text className='nm-popup__title'>新人礼已到账</Text>
        <Text className='nm-popup__sub'>欢迎加入 Loopmall，以下好礼已放入你的账户</Text>
        {gift.coupons.map((c) => (
          <View key={c.id} className='nm-popup__coupon'>
            <Text className='nm-popup__coupon-name'>{c.name}</Text>
            <Text className='nm-popup__coupon-terms'>{c.summary}</Text>
          </View>
        ))}
        {gift.points > 0 && <Text className='nm-popup__points'>+{gift.points} 积分</Text>}
        <View
          className='nm-popup__use'
          onClick={() => {
            close();
            void Taro.switchTab({ url: url('category') });
          }}
        >
          立即使用
        </View>
        <Text className='nm-popup__close' onClick={close}>
          收下了
        </Text>
      </View>
    </View>
  );
}
