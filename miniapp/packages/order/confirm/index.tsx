/**
 * 确认订单: 快递配送 (address) or 到店自提 (a store), lines, the loop features' extras (extras.tsx) and the server's pricing of
 * all of it; 提交订单 places the order (one
 * Idempotency-Key per visit, so a double tap or a retry never makes two orders), then hands
 * over to 订单详情, which opens the payment.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { AddressDto } from '@common/address/types';
import { snapshotOf } from '@common/address/rules';
import type { CheckoutContributions, CheckoutPreviewDto } from '@common/order/types';
import { fetchAddresses, takeChosenAddress } from '../../../services/address';
import { createOrder, decodeLines, newIdempotencyKey, previewCheckout } from '../../../services/orders';
import { isApiError, messageOf } from '../../../services/http';
import { ErrorState } from '../../../components/empty-state';
import { Price } from '../../../components/price';
import { AddressCard } from '../components/address-card';
import { Amounts } from '../components/amounts';
import { OrderLines } from '../components/order-lines';
import { FulfilmentTabs, PickupStores, type Fulfilment } from '../components/fulfilment-choice';
import { CheckoutExtras } from './extras';
import { toast } from '../../../utils/toast';
import './index.scss';
import { withLogin } from '../../../components/require-login';
import { url } from '../../../routes';

function ConfirmPage() {
  const { params } = useRouter();
  const lines = useMemo(() => decodeLines(params.lines), [params.lines]);
  const fromCart = params.from === 'cart';
  const [preview, setPreview] = useState<CheckoutPreviewDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [address, setAddress] = useState<AddressDto | null>(null);
  const [addressCount, setAddressCount] = useState(0);
  const [remark, setRemark] = useState('');
  const [submitting, setSubmitting] = useState(false);
  // The extras' request fields (couponId, pointsToUse …): sent with every preview and the order.
  const [fields, setFields] = useState<CheckoutContributions>({});
  // 快递配送 or 到店自提 (the store is the pickup contributor's field, pickupStoreId).
  const [mode, setMode] = useState<Fulfilment>('delivery');
  const pickupStoreId = fields.pickupStoreId as number | undefined;
  // One key per visit of this page: the same order comes back however often 提交订单 is sent.
  const key = useRef(newIdempotencyKey());

  const load = async () => {
    setError(null);
    if (lines.length === 0) return setError('请先选择要结算的商品');
    try {
      const [p, list] = await Promise.all([previewCheckout({ lines, ...fields }), fetchAddresses()]);
      setPreview(p);
      setAddressCount(list.length);
      setAddress((current) => (current && list.find((a) => a.id === current.id)) || list[0] || null);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  useEffect(() => {
    void load();
    // the lines of a page instance never change
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // An extra changed its field: price again (a refusal, e.g. a coupon no longer usable, shows as a toast).
  const setField = (name: string, value: unknown) => {
    const next = { ...fields };
    if (value === undefined) delete next[name];
    else next[name] = value;
    setFields(next);
    previewCheckout({ lines, ...next }).then(setPreview, (e) => toast(messageOf(e)));
  };

  // Back from 地址管理: take the chosen address (or re-read the list after an edit there).
  useDidShow(() => {
    const chosen = takeChosenAddress();
    if (chosen) {
      setAddress(chosen);
      setAddressCount((n) => Math.max(n, 1));
    } else if (preview) {
      void fetchAddresses().then((list) => {
        setAddressCount(list.length);
        setAddress((current) => (current && list.find((a) => a.id === current.id)) || list[0] || null);
      }, () => undefined);
    }
  });

  const pickAddress = () => {
    const target = addressCount > 0 ? url('addressList', { mode: 'choose', selectedId: address?.id }) : url('addressEdit', { choose: 1 });
    void Taro.navigateTo({ url: target });
  };

  const chooseMode = (next: Fulfilment) => {
    setMode(next);
    if (next === 'delivery' && pickupStoreId !== undefined) setField('pickupStoreId', undefined);
  };

  const submit = async () => {
    if (submitting || !preview) return;
    if (mode === 'delivery' && !address) return toast('请先添加收货地址');
    if (mode === 'pickup' && pickupStoreId === undefined) return toast('请选择自提门店');
    setSubmitting(true);
    try {
      // A pickup order takes no address (the server refuses one).
      const addressId = mode === 'delivery' ? address?.id : undefined;
      const order = await createOrder({ ...fields, lines, addressId, remark: remark.trim() || undefined, fromCart }, key.current);
      // The order exists: its page opens the payment sheet, and shows 待付款 with 去支付 if the
      // shopper closes it. Redirect, so 返回 never lands on a form that would order again.
      void Taro.redirectTo({ url: url('orderDetail', { id: order.id, pay: 1 }) });
    } catch (e) {
      // The key already placed an order (an earlier send whose answer was lost, then the lines or
      // the address changed): that order exists, unpaid. Show it rather than a form stuck on 409.
      if (isApiError(e) && e.code === 'IDEMPOTENCY_KEY_REUSED') {
        toast('订单已提交，请在待付款中查看');
        void Taro.redirectTo({ url: url('orderList', { tab: 'pending_payment' }) });
        return;
      }
      // A definite refusal placed nothing: a corrected retry may use a new key. A lost answer
      // (network, 5xx) may have placed the order, so the key stays and a retry gets that order back.
      if (isApiError(e) && e.status >= 400 && e.status < 500) key.current = newIdempotencyKey();
      toast(messageOf(e));
      setSubmitting(false);
    }
  };

  if (error) {
    return (
      <View className='confirm-page confirm-page--blank'>
        <ErrorState message={error} onRetry={() => void load()} />
      </View>
    );
  }
  if (!preview) {
    return (
      <View className='confirm-page'>
        <View className='confirm-skeleton shimmer' />
        <View className='confirm-skeleton confirm-skeleton--tall shimmer' />
      </View>
    );
  }

  const count = preview.lines.reduce((n, l) => n + l.quantity, 0);
  return (
    <View className='confirm-page'>
      <FulfilmentTabs mode={mode} onMode={chooseMode} />
      {mode === 'delivery' ? (
        <AddressCard address={address && snapshotOf(address)} isDefault={address?.isDefault} onClick={pickAddress} />
      ) : (
        <PickupStores storeId={pickupStoreId} onStore={(id) => setField('pickupStoreId', id)} />
      )}

      <View className='confirm-block'>
        <View className='confirm-block__head'>
          <Text className='confirm-block__shop'>Loopmall 官方商城</Text>
          <Text className='confirm-block__count'>共 {count} 件</Text>
        </View>
        <OrderLines lines={preview.lines} />
        <View className='confirm-remark'>
          <Text className='confirm-remark__label'>订单备注</Text>
          <Input
            className='confirm-remark__input order-remark'
            value={remark}
            maxlength={100}
            placeholder='选填，请先和商家协商一致'
            onInput={(e) => setRemark(e.detail.value)}
          />
        </View>
      </View>

      <CheckoutExtras preview={preview} fields={fields} setField={setField} />

      <View className='confirm-block'>
        <Amounts
          goodsFen={preview.goodsFen}
          freightFen={preview.freightFen}
          discountFen={preview.discountFen}
          payableFen={preview.payableFen}
          adjustments={preview.adjustments}
          showCouponRow
        />
      </View>

      <View className='confirm-bar'>
        <Text className='confirm-bar__count'>共 {count} 件，</Text>
        <Text className='confirm-bar__label'>应付：</Text>
        <Price className='confirm-payable' fen={preview.payableFen} size='lg' />
        <View className={`order-submit${submitting ? ' order-submit--busy' : ''}`} onClick={() => void submit()}>
          {submitting ? '提交中…' : '提交订单'}
        </View>
      </View>
    </View>
  );
}

export default withLogin(ConfirmPage, '登录后确认订单、选择收货地址');
