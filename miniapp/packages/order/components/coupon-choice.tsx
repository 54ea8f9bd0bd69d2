/**
 * 确认订单's coupon extra (confirm/extras.tsx), from the preview's notes.coupon: the row suggests
 * the best usable coupon (最优), the sheet lists the usable ones to pick from (best first) and
 * the others with the reason they cannot be used, and 不使用优惠券. Sets the request field
 * couponId. Nothing is applied until the shopper picks: the price shown is never a surprise.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatFen } from '@common/money';
import type {} from '@common/coupon/checkout-notes';
import { CouponCard } from '../../../components/coupon-card';
import type { CheckoutExtraProps } from '../confirm/extras';
import './coupon-choice.scss';

export function CouponChoice({ preview, fields, setField }: CheckoutExtraProps) {
  const [open, setOpen] = useState(false);
  const note = preview.notes.coupon;
  const chosen = typeof fields.couponId === 'number' ? fields.couponId : null;
  const appliedFen = preview.adjustments.find((a) => a.kind === 'coupon')?.appliedFen ?? 0;

  if (!note) return null;
  const onChoose = (id: number | null) => setField('couponId', id ?? undefined);
  const best = note.options.find((o) => o.coupon.id === note.bestId);
  const usable = note.options.filter((o) => o.usable);
  const unusable = note.options.filter((o) => !o.usable);
  const pick = (id: number | null) => {
    setOpen(false);
    if (id !== chosen) onChoose(id);
  };
  return (
    <>
      <View className='coupon-row' onClick={() => setOpen(true)}>
        <Text className='coupon-row__label'>优惠券</Text>
        <Text className={`coupon-row__value${chosen ? ' coupon-row__value--on' : ''}`}>
          {chosen ? `-${formatFen(appliedFen)}` : best ? `${usable.length} 张可用，最优减 ${formatFen(best.amountFen)}` : '暂无可用'}
        </Text>
      </View>
      {open && (
        <View className='coupon-sheet' catchMove>
          <View className='coupon-sheet__mask' onClick={() => setOpen(false)} />
          <View className='coupon-sheet__panel'>
            <Text className='coupon-sheet__title'>选择优惠券</Text>
            <View className='coupon-sheet__list'>
              {usable.map((o) => (
                <CouponCard
                  key={o.coupon.id}
                  className='coupon-option'
                  terms={o.coupon}
                  name={o.coupon.name}
                  summary={o.coupon.summary}
                  validTo={o.coupon.validTo}
                  note={o.coupon.id === note.bestId ? `最优：可减 ${formatFen(o.amountFen)}` : `可减 ${formatFen(o.amountFen)}`}
                  selected={o.coupon.id === chosen}
                  onClick={() => pick(o.coupon.id)}
                />
              ))}
              {unusable.length > 0 && <Text className='coupon-sheet__sub'>不可用优惠券</Text>}
              {unusable.map((o) => (
                <CouponCard key={o.coupon.id} className='coupon-option coupon-option--off' terms={o.coupon} name={o.coupon.name} summary={o.coupon.summary} validTo={o.coupon.validTo} note={o.reason} dimmed />
              ))}
            </View>
            <View className='coupon-sheet__none' onClick={() => pick(null)}>
              不使用优惠券
            </View>
          </View>
        </View>
      )}
    </>
  );
}
