/** The money block: 商品金额, 运费, discounts, and the total the shopper pays. */
import { Text, View } from '@tarojs/components';
import { formatFen } from '@common/money';
import type { AppliedAdjustment } from '@common/order/pricing';
import { Price } from '../../../components/price';
import './amounts.scss';

interface AmountsProps {
  goodsFen: number;
  freightFen: number;
  discountFen: number;
  payableFen: number;
  /** What each discount really took; one that took nothing is not shown. */
  adjustments?: AppliedAdjustment[];
  /** 确认订单 shows 优惠券 even when there is none to use (coupons and points plug in here). */
  showCouponRow?: boolean;
  totalLabel?: string;
}

export function Amounts({ goodsFen, freightFen, discountFen, payableFen, adjustments: all = [], showCouponRow = false, totalLabel = '实付款' }: AmountsProps) {
  const adjustments = all.filter((a) => a.appliedFen > 0);
  return (
    <View className='amounts'>
      <View className='amounts__row'>
        <Text>商品金额</Text>
        <Text className='amounts__goods'>{formatFen(goodsFen)}</Text>
      </View>
      <View className='amounts__row'>
        <Text>运费</Text>
        <Text className='amounts__freight'>{freightFen > 0 ? `+${formatFen(freightFen)}` : '免运费'}</Text>
      </View>
      {adjustments.map((a) => (
        <View key={`${a.kind}-${a.ref ?? a.label}`} className='amounts__row'>
          <Text>{a.label}</Text>
          <Text className='amounts__minus'>-{formatFen(a.appliedFen)}</Text>
        </View>
      ))}
      {showCouponRow && adjustments.length === 0 && (
        <View className='amounts__row'>
          <Text>优惠券</Text>
          <Text className='amounts__muted'>暂无可用</Text>
        </View>
      )}
      {!showCouponRow && discountFen > 0 && adjustments.length === 0 && (
        <View className='amounts__row'>
          <Text>优惠</Text>
          <Text className='amounts__minus'>-{formatFen(discountFen)}</Text>
        </View>
      )}
      <View className='amounts__total'>
        <Text className='amounts__total-label'>{totalLabel}</Text>
        <Price className='amounts__payable' fen={payableFen} />
      </View>
    </View>
  );
}
