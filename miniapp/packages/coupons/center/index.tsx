/** 领券中心: the coupons HQ lists for shoppers, each with 立即领取 or why not. */
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { errorMessage } from '@common/errors';
import type { CouponCenterItemDto, CouponValidity } from '@common/coupon/types';
import { claimCoupon, fetchCouponCenter } from '../../../services/coupons';
import { messageOf } from '../../../services/http';
import { ensureSession } from '../../../services/session';
import { CouponCard } from '../../../components/coupon-card';
import { EmptyState, ErrorState } from '../../../components/empty-state';
import { formatDateCn } from '../../../utils/format';
import { useShareEntry } from '../../../hooks/use-share';
import '../mine/index.scss';

const windowText = (v: CouponValidity) => (v.type === 'relative' ? `领取后 ${v.days} 天内有效` : `${formatDateCn(v.from)} 至 ${formatDateCn(v.to)}`);
const BLOCKED_LABEL: Record<string, string> = { COUPON_LIMIT_REACHED: '已领取', COUPON_SOLD_OUT: '已抢光' };

export default function CouponCenterPage() {
  const [items, setItems] = useState<CouponCenterItemDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  // A guide's coupon card (sent from the WeCom sidebar) lands here with `t` (and `g` from a group).
  useShareEntry();

  const load = async () => {
    setError(null);
    try {
      await ensureSession();
      setItems(await fetchCouponCenter());
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useDidShow(() => void load());

  const claim = async (item: CouponCenterItemDto) => {
    if (busy !== null) return;
    setBusy(item.id);
    try {
      await claimCoupon(item.id);
      void Taro.showToast({ title: '领取成功', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
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
