/** 订单列表: tabs by status (ORDER_TABS), paged, each card with the actions its status allows. */
import { useCallback, useRef, useState } from 'react';
import { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ORDER_TABS, type OrderTabKey } from '@common/order/state';
import type { OrderSummaryDto } from '@common/order/types';
import { fetchOrders } from '../../../services/orders';
import { messageOf } from '../../../services/http';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState } from '../../../components/empty-state';
import { OrderCard } from '../components/order-card';
import { useOrderActions } from '../components/use-order-actions';
import './index.scss';

const PAGE_SIZE = 10;

function tabOf(raw: string | undefined): OrderTabKey {
  return ORDER_TABS.find((t) => t.key === raw)?.key ?? 'all';
}

export default function OrderListPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<OrderTabKey>(() => tabOf(params.tab));
  const [items, setItems] = useState<OrderSummaryDto[]>([]);
  const [status, setStatus] = useState<'loading' | 'more' | 'done' | 'error'>('loading');
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const page = useRef(0);
  const generation = useRef(0);

  const load = useCallback(async (key: OrderTabKey, next: number) => {
    const gen = ++generation.current;
    setStatus(next === 1 ? 'loading' : 'more');
    try {
      const result = await fetchOrders(key, next, PAGE_SIZE);
      if (gen !== generation.current) return; // a newer tab or reload answered first
      page.current = result.page;
      setItems((prev) => (next === 1 ? result.items : [...prev, ...result.items]));
      setHasMore(result.hasMore);
      setStatus('done');
    } catch (e) {
      if (gen !== generation.current) return;
      setError(messageOf(e));
      setStatus('error');
    }
  }, []);

  const reload = () => void load(tab, 1);
  useDidShow(reload);
  useReachBottom(() => {
    if (status === 'done' && hasMore) void load(tab, page.current + 1);
  });

  const actions = useOrderActions(reload);

  const switchTab = (key: OrderTabKey) => {
    if (key === tab) return;
    setTab(key);
    setItems([]);
    void load(key, 1);
  };

  return (
    <View className='order-list-page'>
      <View className='order-tabs'>
        {ORDER_TABS.map((t) => (
          <View key={t.key} className={`order-tab${t.key === tab ? ' order-tab--active' : ''}`} onClick={() => switchTab(t.key)}>
            {t.label}
          </View>
        ))}
      </View>
      <View className='order-list'>
        {items.map((o) => (
          <OrderCard key={o.id} order={o} busy={actions.busy} onCancel={actions.cancel} onPay={actions.pay} onConfirm={actions.confirm} />
        ))}
        {status === 'loading' && items.length === 0 && <View className='order-skeleton shimmer' />}
        {status === 'done' && items.length === 0 && <EmptyState title='暂无相关订单' description='去挑选心仪的好物吧' />}
        {(items.length > 0 || status === 'error') && (
          <ListFooter status={status} hasMore={hasMore} count={items.length} error={error} onRetry={reload} onLoadMore={() => void load(tab, page.current + 1)} />
        )}
      </View>
      {actions.overlays}
    </View>
  );
}
