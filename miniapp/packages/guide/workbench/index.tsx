/**
 * 导购工作台 (also used in H5, e.g. inside the WeCom sidebar): link my account with HQ's binding
 * code; share a product or group-buy campaign card, or a poster, carrying my token; my customers;
 * my orders and commission by month.
 */
import { useState } from 'react';
import { useShareAppMessage } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { ProductCardDto } from '@common/catalogue/types';
import type { CampaignDto } from '@common/groupbuy/types';
import { formatFen } from '@common/money';
import { ORDER_STATUS_LABELS } from '@common/order/state';
import { fetchProducts } from '../../../services/catalogue';
import { fetchCurrentCampaigns } from '../../../services/groupbuy';
import { fetchGuideCustomers, fetchGuideMe, fetchShareToken, fetchGuideMonths, type GuideCustomer, type GuideMe, type GuideMonth, linkGuide } from '../../../services/guides';
import { isApiError, messageOf } from '../../../services/http';
import { sharePath } from '../../../services/share';
import { formatDateCn } from '../../../utils/format';
import { type ShareItem, ShareList } from './share-list';
import './index.scss';
import { withLogin } from '../../../components/require-login';
import { url } from '../../../routes';
import { toast } from '../../../utils/toast';
import { usePageShow } from '../../../hooks/use-page-show';

type State = { kind: 'loading' } | { kind: 'not_guide' } | { kind: 'error'; message: string } | { kind: 'guide'; me: GuideMe; products: ProductCardDto[]; campaigns: CampaignDto[]; customers: GuideCustomer[]; months: GuideMonth[] };

function GuideWorkbench() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      // Whether this account is a guide, without a 403 (the link form is the normal first visit).
      if ((await fetchShareToken()).kind !== 'guide') return setState({ kind: 'not_guide' });
      const me = await fetchGuideMe();
      const [products, campaigns, customers, months] = await Promise.all([fetchProducts({}, 1, 10), fetchCurrentCampaigns(), fetchGuideCustomers(), fetchGuideMonths()]);
      setState({ kind: 'guide', me, products: products.items, campaigns, customers, months });
    } catch (e) {
      setState(isApiError(e) && e.code === 'NOT_A_GUIDE' ? { kind: 'not_guide' } : { kind: 'error', message: messageOf(e) });
    }
  };
  usePageShow(() => void load());

  // Cards and posters carry my token: a product card, a campaign card, or the home page.
  const items = (kind: 'product' | 'campaign'): ShareItem[] => {
    if (state.kind !== 'guide') return [];
    const list = kind === 'product' ? state.products : state.campaigns;
    const page = kind === 'product' ? 'product' : 'groupCampaign';
    return list.map((x) => ({ key: `${kind}:${x.id}`, kind, id: x.id, title: x.title, path: sharePath(url(page, { id: x.id }), state.me.shareToken) }));
  };
  useShareAppMessage((res) => {
    const key = (res.target as { dataset?: { key?: string } } | undefined)?.dataset?.key;
    const item = [...items('product'), ...items('campaign')].find((x) => x.key === key);
    return { title: item?.title ?? 'Loopmall 好物推荐', path: item?.path ?? sharePath(url('home'), state.kind === 'guide' ? state.me.shareToken : null) };
  });

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await linkGuide(code.trim().toUpperCase());
      toast(`已绑定：${r.name}`, 'success');
      await load();
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (state.kind === 'loading') return <View className='guide-page shimmer' />;
  if (state.kind === 'error') return <View className='guide-page guide-error'>{state.message}</View>;
  if (state.kind === 'not_guide') {
    return (
      <View className='guide-page guide-link'>
        <Text className='guide-link__title'>输入总部发放的绑定码，开通导购工作台</Text>
        <Input className='guide-link__code' value={code} maxlength={8} placeholder='8 位绑定码' onInput={(e) => setCode(e.detail.value)} onConfirm={() => void submit()} />
        <View className='guide-link__submit' onClick={() => void submit()}>
          {busy ? '绑定中…' : '绑定'}
        </View>
      </View>
    );
  }

  const { me, customers, months } = state;
  return (
    <View className='guide-page'>
      <View className='guide-head'>
        <Text className='guide-head__name'>{me.name}</Text>
        <Text className='guide-head__hint'>分享的卡片带有您的专属标识，顾客下单即归属于您</Text>
      </View>

      <ShareList title='分享商品' items={items('product')} empty='暂无在售商品' />
      <ShareList title='分享拼团活动' items={items('campaign')} empty='暂无进行中的拼团活动' />

      <View className='guide-block'>
        <Text className='guide-block__title'>我的客户（{customers.length}）</Text>
        {customers.length === 0 && <Text className='guide-empty'>还没有客户，分享商品卡片试试吧</Text>}
        {customers.map((c) => (
          <View key={c.memberId} className='guide-customer'>
            <View className='guide-customer__who'>
              <Text>会员 {c.memberId}</Text>
              {(c.segment || c.tags.length > 0) && (
                <View className='guide-customer__tags'>
                  {c.segment && <Text className='guide-tag guide-tag--segment'>{c.segment}</Text>}
                  {c.tags.map((t) => (
                    <Text key={t} className='guide-tag'>
                      {t}
                    </Text>
                  ))}
                </View>
              )}
            </View>
            <Text className='guide-customer__meta'>{c.lastOrderAt ? `最近下单 ${formatDateCn(c.lastOrderAt)}` : '尚未下单'}</Text>
            <Text className={`guide-customer__wecom${c.onWecom ? ' guide-customer__wecom--yes' : ''}`}>{c.onWecom ? '已加企微' : '未加企微'}</Text>
          </View>
        ))}
      </View>

      <View className='guide-block'>
        <Text className='guide-block__title'>订单与佣金</Text>
        {months.length === 0 && <Text className='guide-empty'>暂无归属订单</Text>}
        {months.map((m) => (
          <View key={m.month} className='guide-month'>
            <View className='guide-month__head'>
              <Text className='guide-month__name'>{m.month}</Text>
              <Text className='guide-month__figures'>
                待结算 {formatFen(m.heldFen)} · 已结算 {formatFen(m.releasedFen)} · 已冲回 {formatFen(m.reversedFen)}
              </Text>
            </View>
            {m.orders.map((o) => (
              <View key={o.orderId} className='guide-order'>
                <Text className='guide-order__no'>{o.orderNo ?? `#${o.orderId}`}</Text>
                <Text>{ORDER_STATUS_LABELS[o.status as keyof typeof ORDER_STATUS_LABELS] ?? o.status}</Text>
                <Text>{formatFen(o.payableFen)}</Text>
              </View>
            ))}
            {m.offline.map((r) => (
              <View key={`offline-${r.receiptNo}`} className='guide-order'>
                <Text className='guide-order__no'>线下 {r.receiptNo}</Text>
                <Text>{r.reversedFen > 0 ? `已冲回 ${formatFen(r.reversedFen)}` : '门店销售'}</Text>
                <Text>佣金 {formatFen(r.commissionFen - r.reversedFen)}</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

export default withLogin(GuideWorkbench, '登录后进入导购工作台');
