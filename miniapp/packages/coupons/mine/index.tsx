/** 我的优惠券: 可用 / 已使用 / 已过期, with the way to 领券中心; a coupon usable in store shows its store code. */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { COUPON_TABS, MEMBER_COUPON_STATUS_LABELS, type CouponTabKey } from '@common/coupon/state';
import type { MemberCouponDto } from '@common/coupon/types';
import { fetchMyCoupons } from '../../../services/coupons';
import { CouponCard } from '../../../components/coupon-card';
import { EmptyState, ErrorState } from '../../../components/empty-state';
import { withLogin } from '../../../components/require-login';
import { onePage, usePaged } from '../../../hooks/usePaged';
import { usePageShow } from '../../../hooks/use-page-show';
import { url } from '../../../routes';
import { StoreCodeSheet } from './store-code-sheet';
import './index.scss';

const tabOf = (raw: string | undefined): CouponTabKey => COUPON_TABS.find((t) => t.key === raw)?.key ?? 'usable';
// The route answers a tab's coupons whole: one page.
const couponsPage = (tab: CouponTabKey) => fetchMyCoupons(tab).then(onePage);
type WithStoreCode = MemberCouponDto & { storeCode: string };
const hasStoreCode = (c: MemberCouponDto): c is WithStoreCode => c.storeCode !== null;

function MyCouponsPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<CouponTabKey>(() => tabOf(params.tab));
  const list = usePaged(couponsPage, tab);
  const { items, status, error } = list;
  const [showing, setShowing] = useState<WithStoreCode | null>(null);
  usePageShow(() => void list.reload());

  const switchTab = (key: CouponTabKey) => {
    if (key === tab) return;
    setTab(key);
    void list.reload(key);
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
      {status === 'error' && <ErrorState message={error ?? ''} onRetry={() => void list.reload()} />}
      {(status === 'idle' || status === 'loading') && items.length === 0 && <View className='coupons-skeleton shimmer' />}
      {status === 'done' && items.length === 0 && <EmptyState title={tab === 'usable' ? '暂无可用优惠券' : '暂无优惠券'} description='去领券中心看看吧' />}
      {status !== 'error' && items.map((c) => (
        <CouponCard key={c.id} className='my-coupon' terms={c} name={c.name} summary={c.summary} validTo={c.validTo} dimmed={tab !== 'usable'}>
          <Text className={`coupon-status coupon-status--${c.status}`}>{tab === 'expired' ? '已过期' : c.redeemedStoreId !== null ? '门店已核销' : MEMBER_COUPON_STATUS_LABELS[c.status]}</Text>
          {tab === 'usable' && hasStoreCode(c) && (
            <View className='coupon-store-use' onClick={() => setShowing(c)}>
              门店使用
            </View>
          )}
        </CouponCard>
      ))}
      <View className='coupons-center-entry' onClick={() => void Taro.navigateTo({ url: url('couponCenter') })}>
        去领券中心
      </View>
      {showing && <StoreCodeSheet coupon={showing} onClose={() => setShowing(null)} />}
    </View>
  );
}

export default withLogin(MyCouponsPage, '登录后查看你的优惠券');
