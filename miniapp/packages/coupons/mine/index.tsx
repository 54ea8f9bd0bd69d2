/** 我的优惠券: 可用 / 已使用 / 已过期, with the way to 领券中心. */
import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { COUPON_TABS, MEMBER_COUPON_STATUS_LABELS, type CouponTabKey } from '@common/coupon/state';
import type { MemberCouponDto } from '@common/coupon/types';
import { COUPON_CENTER_PAGE, fetchMyCoupons } from '../../../services/coupons';
import { messageOf } from '../../../services/http';
import { CouponCard } from '../../../components/coupon-card';
import { EmptyState, ErrorState } from '../../../components/empty-state';
import './index.scss';

const tabOf = (raw: string | undefined): CouponTabKey => COUPON_TABS.find((t) => t.key === raw)?.key ?? 'usable';

export default function MyCouponsPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<CouponTabKey>(() => tabOf(params.tab));
  const [items, setItems] = useState<MemberCouponDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(async (key: CouponTabKey) => {
    const gen = ++generation.current;
    setError(null);
    try {
      const list = await fetchMyCoupons(key);
      if (gen === generation.current) setItems(list);
    } catch (e) {
      if (gen === generation.current) setError(messageOf(e));
    }
  }, []);

  useDidShow(() => void load(tab));

  const switchTab = (key: CouponTabKey) => {
    if (key === tab) return;
    setTab(key);
    setItems(null);
    void load(key);
  };

  return (
    <View className='coupons-page'>
      <View className='coupon-tabs'>
        {COUPON_TABS.map((t) => (
          <View key={t.key} className={`coupon-tab${t.key === tab ? ' coupon-tab--active' : ''}`} onClick={() => switchTab(t.key)}>
            {t.label}
          </View>
        ))}
      </View>
      {error && <ErrorState message={error} onRetry={() => void load(tab)} />}
      {!error && items === null && <View className='coupons-skeleton shimmer' />}
      {items?.length === 0 && <EmptyState title={tab === 'usable' ? '暂无可用优惠券' : '暂无优惠券'} description='去领券中心看看吧' />}
      {items?.map((c) => (
        <CouponCard key={c.id} className='my-coupon' terms={c} name={c.name} summary={c.summary} validTo={c.validTo} dimmed={tab !== 'usable'}>
          <Text className={`coupon-status coupon-status--${c.status}`}>{tab === 'expired' ? '已过期' : MEMBER_COUPON_STATUS_LABELS[c.status]}</Text>
        </CouponCard>
      ))}
      <View className='coupons-center-entry' onClick={() => void Taro.navigateTo({ url: COUPON_CENTER_PAGE })}>
        去领券中心
      </View>
    </View>
  );
}
