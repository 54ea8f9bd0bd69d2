/** 订单列表: tabs by status (ORDER_TABS), paged, each card with the actions its status allows. */
import { useState } from 'react';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ORDER_TABS, type OrderTabKey } from '@common/order/state';
import { fetchOrders } from '../../../services/orders';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState } from '../../../components/empty-state';
import { withLogin } from '../../../components/require-login';
import { usePaged } from '../../../hooks/usePaged';
import { usePageShow } from '../../../hooks/use-page-show';
import { OrderCard } from '../components/order-card';
import { useOrderActions } from '../components/use-order-actions';
import './index.scss';

function tabOf(raw: string | undefined): OrderTabKey {
  return ORDER_TABS.find((t) => t.key === raw)?.key ?? 'all';
}

function OrderListPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<OrderTabKey>(() => tabOf(params.tab));
  const list = usePaged(fetchOrders, tab, 10);
  const { items, status } = list;

  const reload = () => void list.reload();
  usePageShow(reload);
  useReachBottom(() => void list.loadMore());

  const actions = useOrderActions(reload);

  const switchTab = (key: OrderTabKey) => {
    if (key === tab) return;
    setTab(key);
    void list.reload(key);
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
          <ListFooter list={list} />
        )}
      </View>
      {actions.overlays}
    </View>
  );
}

export default withLogin(OrderListPage, '登录后查看你的订单');
