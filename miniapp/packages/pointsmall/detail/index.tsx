/**
 * An item of 积分商城 and its redemption: a coupon is redeemed here and arrives at once; goods
 * need an address (the default one, or one chosen in 地址管理) and become a points_redemption
 * order, paid wholly in points (or points + cash), shipped free.
 */
import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { AddressDto } from '@common/address/types';
import type { MallItemDto } from '@common/pointsmall/types';
import { fetchAddresses, takeChosenAddress } from '../../../services/address';
import { COUPONS_PAGE } from '../../../services/coupons';
import { assetUrl, isApiError, messageOf } from '../../../services/http';
import { newIdempotencyKey } from '../../../services/orders';
import { fetchMallItem, redeemMallCoupon, redeemMallGoods } from '../../../services/pointsmall';
import { ensureSession } from '../../../services/session';
import { ErrorState } from '../../../components/empty-state';
import { MallPrice } from '../price';
import '../index.scss';

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

export default function MallItemPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [item, setItem] = useState<MallItemDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [address, setAddress] = useState<AddressDto | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  useEffect(() => {
    fetchMallItem(id).then(setItem, (e) => setError(messageOf(e)));
  }, [id]);

  useDidShow(() => {
    const chosen = takeChosenAddress();
    if (chosen) return setAddress(chosen);
    ensureSession()
      .then(() => fetchAddresses())
      .then((list) => setAddress((cur) => cur ?? list[0] ?? null), () => undefined);
  });

  const redeem = async () => {
    if (!item || busy) return;
    if (item.kind === 'goods' && !address) return toast('请先选择收货地址');
    setBusy(true);
    try {
      await ensureSession();
      if (item.kind === 'coupon') {
        await redeemMallCoupon(item.id);
        toast('兑换成功，已放入我的优惠券', 'success');
        setItem(await fetchMallItem(item.id));
        void Taro.navigateTo({ url: COUPONS_PAGE });
      } else {
        const order = await redeemMallGoods(item, address!.id, key.current);
        void Taro.redirectTo({ url: `/packages/order/detail/index?id=${order.id}${order.status === 'pending_payment' ? '&pay=1' : ''}` });
      }
    } catch (e) {
      if (isApiError(e) && e.status >= 400 && e.status < 500) key.current = newIdempotencyKey();
      toast(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorState message={error} onRetry={() => void fetchMallItem(id).then(setItem, (e) => setError(messageOf(e)))} />;
  if (!item) return <View className='mall-page'><View className='mall-skeleton shimmer' /></View>;
  return (
    <View className='mall-page mall-detail'>
      {item.image ? <Image className='mall-detail__image' src={assetUrl(item.image)} mode='aspectFill' /> : <View className='mall-detail__image mall-item__image--coupon'>券</View>}
      <View className='mall-detail__block'>
        <Text className='mall-detail__title'>{item.title}</Text>
        <MallPrice className='mall-detail__price' points={item.pointsPrice} cashFen={item.cashFen} />
        {item.couponSummary && <Text className='mall-detail__desc'>{item.couponSummary}，兑换后立即到账</Text>}
        {item.description && <Text className='mall-detail__desc'>{item.description}</Text>}
        <Text className='mall-detail__desc'>剩余 {item.stock} 件 · 每人限兑 {item.perMemberLimit} 次{item.kind === 'goods' ? ' · 包邮' : ''}</Text>
      </View>
      {item.kind === 'goods' && (
        <View className='mall-detail__block mall-address' onClick={() => void Taro.navigateTo({ url: `/packages/order/address/list/index?mode=choose&selectedId=${address?.id ?? ''}` })}>
          {address ? `${address.name} ${address.phone} ${address.province}${address.city}${address.district}${address.detail}` : '请选择收货地址'}
        </View>
      )}
      <View className={`mall-redeem${item.stock <= 0 ? ' mall-redeem--off' : ''}`} onClick={() => item.stock > 0 && void redeem()}>
        {item.stock <= 0 ? '已兑完' : busy ? '兑换中…' : '立即兑换'}
      </View>
    </View>
  );
}
