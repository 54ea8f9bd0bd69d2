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
import { askSubscribe } from '../../../services/subscribe';
import { prefetchSubscribeTemplates } from '../../../services/subscribe-templates';
import { onePage, usePaged } from '../../../hooks/usePaged';

const windowText = (v: CouponValidity) => (v.type === 'relative' ? `领取后 ${v.days} 天内有效` : `${formatDateCn(v.from)} 至 ${formatDateCn(v.to)}`);
const BLOCKED_LABEL: Record<string, string> = { COUPON_LIMIT_REACHED: '已领取', COUPON_SOLD_OUT: '已抢光' };

// The route answers every claimable coupon at once: one page.
const centerPage = () => fetchCouponCenter().then(onePage);

function CouponCenterPage() {
  const list = usePaged(centerPage, null);
  const { items, status, error } = list;
  const [busy, setBusy] = useState<number | null>(null);
  const load = () => list.reload();
  usePageShow(() => {
    void load();
    prefetchSubscribeTemplates();
  });

  const claim = async (item: CouponCenterItemDto) => {
    if (busy !== null) return;
    setBusy(item.id);
    // Straight from the tap (WeChat requires it): may we tell them when HQ sends them a coupon?
    void askSubscribe(['couponPushed']);
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
      {status === 'error' && <ErrorState message={error ?? ''} onRetry={() => void load()} />}
      {(status === 'idle' || status === 'loading') && items.length === 0 && <View className='coupons-skeleton shimmer' />}
      {status === 'done' && items.length === 0 && <EmptyState title='暂时没有可领的优惠券' description='过几天再来看看吧' />}
      {status !== 'error' && items.map((t) => (
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
