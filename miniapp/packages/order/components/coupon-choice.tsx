/**
 * 确认订单's coupon extra (confirm/extras.tsx), from the preview's notes.coupon: the best usable
 * coupon is chosen by itself on arrival; the sheet lists the usable ones to pick from and the
 * others with the reason they cannot be used, and 不使用优惠券. Sets the request field couponId.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatFen } from '@common/money';
import type { CouponCheckoutNote } from '@common/coupon/types';
import { CouponCard } from '../../../components/coupon-card';
import type { CheckoutExtraProps } from '../confirm/extras';
import './coupon-choice.scss';

export function CouponChoice({ preview, fields, setField }: CheckoutExtraProps) {
  const [open, setOpen] = useState(false);
  // Once the shopper picks (or declines), the page stops choosing for them.
  const picked = useRef(false);
  const note = preview.notes.coupon as CouponCheckoutNote | undefined;
  const chosen = typeof fields.couponId === 'number' ? fields.couponId : null;
  const appliedFen = preview.adjustments.find((a) => a.kind === 'coupon')?.appliedFen ?? 0;

  useEffect(() => {
    if (!picked.current && chosen === null && note?.bestId) setField('couponId', note.bestId);
    // only when a new preview arrives
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [note?.bestId]);

  if (!note) return null;
  const onChoose = (id: number | null) => {
    picked.current = true;
    setField('couponId', id ?? undefined);
  };
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
          {chosen ? `-${formatFen(appliedFen)}` : usable.length ? `${usable.length} 张可用` : '暂无可用'}
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
