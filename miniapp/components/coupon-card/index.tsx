/** One coupon as a ticket: the value on the left, name, terms and window on the right, an action slot. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { fenToYuanString } from '@common/money';
import type { CouponTerms } from '@common/coupon/types';
import { formatDateCn } from '../../utils/format';
import './index.scss';

export interface CouponCardProps {
  terms: CouponTerms;
  name: string;
  summary: string;
  /** 有效期至 …; omitted for a template (its window starts when it is received). */
  validTo?: string;
  /** Extra line: a window description for templates, or the reason a coupon cannot be used. */
  note?: string | null;
  dimmed?: boolean;
  selected?: boolean;
  className?: string;
  onClick?: () => void;
  children?: ReactNode;
}

/** "¥10" / "9折" / "8.5折": what the left of the ticket shows. */
function valueOf(t: CouponTerms): { big: string; unit: string } {
  if (t.kind === 'percent_off') return { big: String((100 - t.percentOff) / 10), unit: '折' };
  const yuan = fenToYuanString(t.amountOffFen);
  return { big: yuan.endsWith('.00') ? yuan.slice(0, -3) : yuan, unit: '¥' };
}

export function CouponCard({ terms, name, summary, validTo, note, dimmed, selected, className = '', onClick, children }: CouponCardProps) {
  const v = valueOf(terms);
  return (
    <View className={`coupon-card${dimmed ? ' coupon-card--dimmed' : ''}${selected ? ' coupon-card--selected' : ''} ${className}`} onClick={onClick}>
      <View className='coupon-card__value'>
        {v.unit === '¥' && <Text className='coupon-card__unit'>¥</Text>}
        <Text className='coupon-card__big'>{v.big}</Text>
        {v.unit === '折' && <Text className='coupon-card__unit'>折</Text>}
      </View>
      <View className='coupon-card__body'>
        <Text className='coupon-card__name'>
          {terms.firstOrderOnly && <Text className='coupon-card__tag'>首单</Text>}
          {name}
        </Text>
        <Text className='coupon-card__summary'>{summary}</Text>
        {validTo && <Text className='coupon-card__valid'>有效期至 {formatDateCn(validTo)}</Text>}
        {note && <Text className='coupon-card__note'>{note}</Text>}
      </View>
      {children && <View className='coupon-card__action'>{children}</View>}
    </View>
  );
}
