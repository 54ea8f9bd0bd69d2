/**
 * Take a seat: open a new group (no groupId) or join one. 提交 asks the subscribe consent (a tap
 * is required for it), takes the seat (an order of kind group_seat, 待付款), pays, and lands on
 * the group page. One Idempotency-Key per visit: a double tap takes one seat.
 */
import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { AddressDto } from '@common/address/types';
import type { CampaignPageDto } from '@common/groupbuy/types';
import { fetchAddresses, takeChosenAddress } from '../../../services/address';
import { messageOf } from '../../../services/http';
import { newIdempotencyKey } from '../../../services/orders';
import { payOrder } from '../../../services/pay';
import { askGroupNotices } from '../../../services/subscribe';
import { fetchCampaignPage, joinGroup } from '../../../services/groupbuy';
import { Price } from '../../../components/price';
import { Stepper } from '../../../components/stepper';
import { formatFen } from '@common/money';
import { CampaignHero } from '../components/hero';
import { withLogin } from '../../../components/require-login';
import { url } from '../../../routes';
import { toast } from '../../../utils/toast';
import '../components/page.scss';


/** The development cashier (no money moves): the server's dev payment mode confirms at once. */
async function confirmDevPay(amountFen: number): Promise<boolean> {
  const r = await Taro.showModal({ title: '确认付款（模拟支付）', content: `支付 ${formatFen(amountFen)}`, confirmText: '确认支付' });
  return r.confirm;
}

function JoinPage() {
  const { params } = useRouter();
  const campaignId = Number(params.campaignId);
  const groupId = params.groupId ? Number(params.groupId) : undefined;
  const [page, setPage] = useState<CampaignPageDto | null>(null);
  const [address, setAddress] = useState<AddressDto | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());

  useEffect(() => {
    void (async () => {
      try {
        const [p, list] = await Promise.all([fetchCampaignPage(campaignId), fetchAddresses()]);
        setPage(p);
        setAddress(list.find((a) => a.isDefault) ?? list[0] ?? null);
      } catch (e) {
        setError(messageOf(e));
      }
    })();
  }, [campaignId]);
  useDidShow(() => {
    const chosen = takeChosenAddress();
    if (chosen) setAddress(chosen);
  });

  if (error) return <View className='gb-error'>{error}</View>;
  if (!page) return <View className='gb-page shimmer' />;
  const c = page.campaign;

  const submit = async () => {
    if (busy) return;
    if (!address) return toast('请先添加收货地址');
    setBusy(true);
    await askGroupNotices(page.noticeTemplates);
    try {
      const order = await joinGroup({ campaignId, groupId, quantity, addressId: address.id }, key.current);
      const paid = await payOrder(order.id, () => confirmDevPay(order.payableFen));
      if (paid === 'paid') void Taro.redirectTo({ url: url('group', { id: order.groupId }) });
      else void Taro.redirectTo({ url: url('orderDetail', { id: order.id }) });
    } catch (e) {
      key.current = newIdempotencyKey();
      toast(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <View className='gb-page join-page'>
      <CampaignHero campaign={c} />
      <View className='gb-card' onClick={() => void Taro.navigateTo({ url: address ? url('addressList', { mode: 'choose', selectedId: address.id }) : url('addressEdit', { choose: 1 }) })}>
        {address ? (
          <View className='join-address'>
            <Text>{address.name} {address.phone}</Text>
            <View className='gb-note'>{address.province}{address.city}{address.district}{address.detail}</View>
          </View>
        ) : (
          <Text className='join-address--empty'>添加收货地址</Text>
        )}
      </View>
      <View className='gb-card gb-group-row'>
        <Text>{groupId ? '参与拼团' : '发起拼团（你是团长）'} · 每人限购 {c.perShopperLimit} 件</Text>
        <Stepper value={quantity} max={c.perShopperLimit} onChange={setQuantity} />
      </View>
      <View className='gb-bar'>
        <View className='gb-prices'>
          <Price fen={c.groupPriceFen * quantity} size='lg' />
        </View>
        <View className={`gb-btn join-submit ${busy ? 'gb-btn--disabled' : ''}`} onClick={() => void submit()}>
          {groupId ? '参团并支付' : '开团并支付'}
        </View>
      </View>
    </View>
  );
}

export default withLogin(JoinPage, '登录后参与拼团');
