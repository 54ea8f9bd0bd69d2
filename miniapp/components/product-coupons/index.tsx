/** 可用券 on a product page: the claimable coupons whose scope covers this product; 领取 opens 领券中心. */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CouponTemplateDto } from '@common/coupon/types';
import { fetchProductCoupons } from '../../services/coupons';
import { url } from '../../routes';
import './index.scss';

/** At most this many chips; the rest are one tap away in 领券中心. */
const SHOWN = 3;

export function ProductCoupons({ productId }: { productId: number }) {
  const [coupons, setCoupons] = useState<CouponTemplateDto[]>([]);

  useEffect(() => {
    fetchProductCoupons(productId).then(setCoupons, () => setCoupons([]));
  }, [productId]);

  if (coupons.length === 0) return null;
  return (
    <View className='product-card-block product-coupons' onClick={() => void Taro.navigateTo({ url: url('couponCenter') })}>
      <Text className='product-coupons__label'>可用券</Text>
      <View className='product-coupons__chips'>
        {coupons.slice(0, SHOWN).map((c) => (
          <Text key={c.id} className='product-coupons__chip'>
            {c.summary}
          </Text>
        ))}
      </View>
      <Text className='product-coupons__go'>领取</Text>
    </View>
  );
}
