import Taro, { useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { currentMember, readSession } from '../../services/session';
import type { OrderTabKey } from '@common/order/state';
import { useSession } from '../../hooks/use-session';
import { url, type PageName } from '../../routes';
import { assetUrl } from '../../services/http';
import { formatDateCn } from '../../utils/format';
import { MemberCard } from '../../components/member-card';
import guestAvatar from '../../assets/tabbar/mine.png';
import './index.scss';

const ORDER_ENTRIES: { name: string; tab: OrderTabKey; icon: string }[] = [
  { name: '待付款', tab: 'pending_payment', icon: '¥' },
  { name: '待发货', tab: 'paid', icon: '箱' },
  { name: '待收货', tab: 'shipped', icon: '车' },
  { name: '退款/售后', tab: 'after_sale', icon: '退' },
];
const SERVICE_ENTRIES: { name: string; page?: PageName }[] = [
  { name: '会员码', page: 'memberCode' },
  { name: '会员卡', page: 'memberCard' },
  { name: '我的订单', page: 'orderList' },
  { name: '收货地址', page: 'addressList' },
  { name: '我的拼团', page: 'myGroups' },
  { name: '我的积分', page: 'pointsLedger' },
  { name: '优惠券', page: 'myCoupons' },
  { name: '积分商城', page: 'pointsMall' },
  { name: '我的导购', page: 'myGuide' },
];

export default function MinePage() {
  // Login, logout and a rejected token all show at once through the session state.
  const { session, busy, login: doLogin } = useSession();
  const member = session?.member ?? null;

  // Refresh the member behind a stored token (and notice an expired one) each time the tab shows:
  // currentMember stores the fresh copy, and the session state follows.
  useDidShow(() => {
    if (!readSession()) return;
    currentMember().catch(() => undefined); // http.ts already dropped a rejected token; keep the cached copy otherwise
  });

  // Pages that need a session ask for the login themselves (withLogin).
  const go = (target: string) => void Taro.navigateTo({ url: target });

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
        <View className='mine-panel__head' onClick={() => go(url('orderList'))}>
          <Text className='mine-panel__title'>我的订单</Text>
          <Text className='mine-orders__all'>全部订单</Text>
          <View className='mine-entry__arrow' />
        </View>
        <View className='mine-orders__row'>
          {ORDER_ENTRIES.map((e) => (
            <View key={e.tab} className={`mine-orders__item mine-orders__item--${e.tab}`} onClick={() => go(url('orderList', { tab: e.tab }))}>
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
            className={`mine-entry${e.page ? ' mine-entry--live' : ''}`}
            onClick={() => e.page && go(url(e.page))}
          >
            <Text className='mine-entry__name'>{e.name}</Text>
            {!e.page && <Text className='mine-soon'>即将开放</Text>}
            <View className='mine-entry__arrow' />
          </View>
        ))}
      </View>
    </View>
  );
}
