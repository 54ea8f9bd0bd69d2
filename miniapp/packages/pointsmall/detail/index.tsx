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
import { assetUrl, isApiError, messageOf } from '../../../services/http';
import { newIdempotencyKey } from '../../../services/orders';
import { fetchMallItem, redeemMallCoupon, redeemMallGoods } from '../../../services/pointsmall';
import { ensureSession, readSession } from '../../../services/session';
import { url } from '../../../routes';
import { toast } from '../../../utils/toast';
import { ErrorState } from '../../../components/empty-state';
import { MallPrice } from '../price';
import '../index.scss';


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
    // The item is public: read the addresses only for a shopper already logged in (redeem logs in).
    if (!readSession()) return;
    fetchAddresses().then((list) => setAddress((cur) => cur ?? list[0] ?? null), () => undefined);
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
        void Taro.navigateTo({ url: url('myCoupons') });
      } else {
        const order = await redeemMallGoods(item, address!.id, key.current);
        void Taro.redirectTo({ url: url('orderDetail', { id: order.id, pay: order.status === 'pending_payment' ? 1 : undefined }) });
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
        <View className='mall-detail__block mall-address' onClick={() => void Taro.navigateTo({ url: url('addressList', { mode: 'choose', selectedId: address?.id }) })}>
          {address ? `${address.name} ${address.phone} ${address.province}${address.city}${address.district}${address.detail}` : '请选择收货地址'}
        </View>
      )}
      <View className={`mall-redeem${item.stock <= 0 ? ' mall-redeem--off' : ''}`} onClick={() => item.stock > 0 && void redeem()}>
        {item.stock <= 0 ? '已兑完' : busy ? '兑换中…' : '立即兑换'}
      </View>
    </View>
  );
}
