/** 领券中心: the coupons HQ lists for shoppers, each with 立即领取 or why not. */
import { useState } from 'react';
import { View } from '@tarojs/components';
import { errorMessage } from '@common/errors';
import type { CouponCenterItemDto, CouponValidity } from '@common/coupon/types';
import { claimCoupon, fetchCouponCenter } from '../../../services/coupons';
import { messageOf } from '../../../services/http';
import { CouponCard } from '../../../components/coupon-card';
import { EmptyState, ErrorState } from '../../../components/empty-state';
import { formatDateCn } from '../../../utils/format';
import '../mine/index.scss';
import { withLogin } from '../../../components/require-login';
import { toast } from '../../../utils/toast';
import { usePageShow } from '../../../hooks/use-page-show';

const windowText = (v: CouponValidity) => (v.type === 'relative' ? `领取后 ${v.days} 天内有效` : `${formatDateCn(v.from)} 至 ${formatDateCn(v.to)}`);
const BLOCKED_LABEL: Record<string, string> = { COUPON_LIMIT_REACHED: '已领取', COUPON_SOLD_OUT: '已抢光' };

function CouponCenterPage() {
  const [items, setItems] = useState<CouponCenterItemDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = async () => {
    setError(null);
    try {
      setItems(await fetchCouponCenter());
    } catch (e) {
      setError(messageOf(e));
    }
  };
  usePageShow(() => void load());

  const claim = async (item: CouponCenterItemDto) => {
    if (busy !== null) return;
    setBusy(item.id);
    try {
      await claimCoupon(item.id);
      toast('领取成功', 'success');
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setBusy(null);
      void load();
    }
  };

  return (
    <View className='coupons-page'>
      {error && <ErrorState message={error} onRetry={() => void load()} />}
      {!error && items === null && <View className='coupons-skeleton shimmer' />}
      {items?.length === 0 && <EmptyState title='暂时没有可领的优惠券' description='过几天再来看看吧' />}
      {items?.map((t) => (
        <CouponCard key={t.id} className='center-coupon' terms={t} name={t.name} summary={t.summary} note={t.blockedBy ? null : windowText(t.validity)}>
          {t.blockedBy ? (
            <View className='coupon-action coupon-action--ghost'>{BLOCKED_LABEL[t.blockedBy] ?? errorMessage(t.blockedBy)}</View>
          ) : (
            <View className='coupon-action coupon-claim' onClick={() => void claim(t)}>
              {busy === t.id ? '领取中' : '立即领取'}
            </View>
          )}
        </CouponCard>
      ))}
    </View>
  );
}

export default withLogin(CouponCenterPage, '登录后领取优惠券');
