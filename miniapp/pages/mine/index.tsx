import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { MemberDto } from '@common/auth/types';
import { currentMember, login, onSessionChange, readSession } from '../../services/session';
import { assetUrl, messageOf } from '../../services/http';
import { formatDateCn } from '../../utils/format';
import { MemberCard } from '../../components/member-card';
import guestAvatar from '../../assets/tabbar/mine.png';
import { toast } from '../../utils/toast';
import './index.scss';

const ORDER_LIST = '/packages/order/list/index';
const ORDER_ENTRIES = [
  { name: '待付款', tab: 'pending_payment', icon: '¥' },
  { name: '待发货', tab: 'paid', icon: '箱' },
  { name: '待收货', tab: 'shipped', icon: '车' },
  { name: '退款/售后', tab: 'after_sale', icon: '退' },
];
const SERVICE_ENTRIES: { name: string; url?: string }[] = [
  { name: '我的订单', url: ORDER_LIST },
  { name: '收货地址', url: '/packages/order/address/list/index' },
  { name: '我的积分', url: '/packages/points/ledger/index' },
  { name: '优惠券', url: '/packages/coupons/mine/index' },
  { name: '积分商城', url: '/packages/pointsmall/list/index' },
  { name: '我的导购' },
];

export default function MinePage() {
  const [member, setMember] = useState<MemberDto | null>(() => readSession()?.member ?? null);
  const [busy, setBusy] = useState(false);

  useEffect(() => onSessionChange((s) => setMember(s?.member ?? null)), []);

  // Refresh the member behind a stored token (and notice an expired one) each time the tab shows.
  useDidShow(() => {
    if (!readSession()) return;
    currentMember()
      .then((m) => setMember(m))
      .catch(() => undefined); // http.ts already dropped a rejected token; keep the cached copy otherwise
  });

  const doLogin = async (): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    try {
      const session = await login();
      setMember(session.member);
      toast(session.isNew ? '欢迎加入 Loopmall' : '登录成功', 'success');
      return true;
    } catch (e) {
      toast(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  // Orders and addresses belong to a member: log in first when needed.
  const go = async (url: string) => {
    if (!readSession() && !(await doLogin())) return;
    void Taro.navigateTo({ url });
  };

  return (
    <View className='mine-page'>
      <View className='mine-header'>
        <View className='mine-header__avatar'>
          {member?.avatarUrl ? (
            <Image className='mine-header__avatar-image' src={assetUrl(member.avatarUrl)} mode='aspectFill' />
          ) : member ? (
            member.nickname.slice(0, 1)
          ) : (
            <Image className='mine-header__avatar-guest' src={guestAvatar} />
          )}
        </View>
        {member ? (
          <View className='mine-header__info'>
            <Text className='mine-nickname'>{member.nickname}</Text>
            <Text className='mine-header__since'>{formatDateCn(member.createdAt)} 加入会员</Text>
          </View>
        ) : (
          <View className='mine-header__info'>
            <Text className='mine-header__guest'>登录享会员专属好价</Text>
            <Button className='mine-login' size='small' loading={busy} onClick={() => void doLogin()}>
              微信登录
            </Button>
          </View>
        )}
      </View>

      <View className='mine-panel mine-orders'>
        <View className='mine-panel__head' onClick={() => void go(ORDER_LIST)}>
          <Text className='mine-panel__title'>我的订单</Text>
          <Text className='mine-orders__all'>全部订单</Text>
          <View className='mine-entry__arrow' />
        </View>
        <View className='mine-orders__row'>
          {ORDER_ENTRIES.map((e) => (
            <View key={e.tab} className={`mine-orders__item mine-orders__item--${e.tab}`} onClick={() => void go(`${ORDER_LIST}?tab=${e.tab}`)}>
              <View className='mine-orders__dot'>{e.icon}</View>
              <Text>{e.name}</Text>
            </View>
          ))}
        </View>
      </View>

      <MemberCard signedIn={!!member} />

      <View className='mine-panel'>
        {SERVICE_ENTRIES.map((e) => (
          <View
            key={e.name}
            className={`mine-entry${e.url ? ' mine-entry--live' : ''}`}
            onClick={() => e.url && void go(e.url)}
          >
            <Text className='mine-entry__name'>{e.name}</Text>
            {!e.url && <Text className='mine-soon'>即将开放</Text>}
            <View className='mine-entry__arrow' />
          </View>
        ))}
      </View>
    </View>
  );
}
