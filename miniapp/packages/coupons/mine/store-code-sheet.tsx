/** 门店使用: the coupon's store code as a barcode and digits, with its expiry, for the cashier to scan. */
import { Text, View } from '@tarojs/components';
import type { MemberCouponDto } from '@common/coupon/types';
import { Barcode } from '../../../components/barcode';
import { formatDateTimeCn } from '../../../utils/format';

/** "169049926781" → "1690 4992 6781": easier to read out when a scanner fails. */
const grouped = (code: string) => code.replace(/(\d{4})(?=\d)/g, '$1 ');

export function StoreCodeSheet({ coupon, onClose }: { coupon: MemberCouponDto & { storeCode: string }; onClose: () => void }) {
  return (
    <View className='store-code-mask' onClick={onClose}>
      <View className='store-code-sheet' onClick={(e) => e.stopPropagation()}>
        <Text className='store-code-sheet__title'>{coupon.name}</Text>
        <Text className='store-code-sheet__summary'>{coupon.summary}</Text>
        <Barcode className='store-code-sheet__barcode' value={coupon.storeCode} />
        <Text className='store-code-sheet__digits'>{grouped(coupon.storeCode)}</Text>
        <Text className='store-code-sheet__hint'>结账时请向收银员出示此券码，核销后即失效</Text>
        <Text className='store-code-sheet__valid'>有效期至 {formatDateTimeCn(coupon.validTo)}</Text>
        <View className='store-code-sheet__close' onClick={onClose}>
          关闭
        </View>
      </View>
    </View>
  );
}
