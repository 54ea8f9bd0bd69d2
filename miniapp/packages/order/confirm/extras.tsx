/**
 * The checkout extras on 确认订单: what each loop feature adds to an order (a coupon choice, points
 * to use, the group a seat joins, the guide's share token). Each is a component of its own
 * feature, listed here once; it reads what its contributor told the page (`preview.notes[name]`)
 * and sets its own request field, which the page sends with every preview and with 提交订单.
 */
import type { ComponentType } from 'react';
import { View } from '@tarojs/components';
import type { CheckoutContributions, CheckoutPreviewDto } from '@common/order/types';
import { CouponChoice } from '../components/coupon-choice';
import { PointsChoice } from '../components/points-choice';

export interface CheckoutExtraProps {
  preview: CheckoutPreviewDto;
  /** The request fields chosen so far (every extra's). */
  fields: CheckoutContributions;
  /** Sets one request field (undefined removes it); the page prices the order again. */
  setField(name: string, value: unknown): void;
}

/** Each feature's extra, in the order they show. */
// In pricing's order: the coupon, then points.
export const CHECKOUT_EXTRAS: ComponentType<CheckoutExtraProps>[] = [CouponChoice, PointsChoice];

export function CheckoutExtras(props: CheckoutExtraProps) {
  if (CHECKOUT_EXTRAS.length === 0) return null;
  return (
    <View className='confirm-block confirm-extras'>
      {CHECKOUT_EXTRAS.map((Extra, i) => (
        <Extra key={i} {...props} />
      ))}
    </View>
  );
}
