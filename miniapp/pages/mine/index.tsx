import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { MemberDto } from '@common/auth/types';
import { currentMember, login, onSessionChange, readSession } from '../../services/session';
import { assetUrl, messageOf } from '../../services/http';
import { formatDateCn } from '../../utils/format';
import guestAvatar from '../../assets/tabbar/mine.png';
import './index.scss';

const ORDER_ENTRIES = ['待付款', '待发货', '待收货', '售后'];
const SERVICE_ENTRIES = ['我的订单', '我的积分', '优惠券', '收货地址', '我的导购'];

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

  const doLogin = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const session = await login();
      setMember(session.member);
      void Taro.showToast({ title: session.isNew ? '欢迎加入 Loopmall' : '登录成功', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
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
        <View className='mine-panel__head'>
          <Text className='mine-panel__title'>我的订单</Text>
          <Text className='mine-soon'>即将开放</Text>
        </View>
        <View className='mine-orders__row'>
          {ORDER_ENTRIES.map((name) => (
            <View key={name} className='mine-orders__item'>
              <View className='mine-orders__dot' />
              <Text>{name}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='mine-panel'>
        {SERVICE_ENTRIES.map((name) => (
          <View key={name} className='mine-entry'>
            <Text className='mine-entry__name'>{name}</Text>
            <Text className='mine-soon'>即将开放</Text>
            <View className='mine-entry__arrow' />
          </View>
        ))}
      </View>
    </View>
  );
}
