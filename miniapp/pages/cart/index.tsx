/** 购物车 (tab): the server's cart; select lines, change quantities, 结算 the selected ones. */
import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { CartDto, CartItemDto } from '@common/cart/types';
import { fenToYuanString, formatFen } from '@common/money';
import { FREE_SHIPPING_THRESHOLD_FEN } from '@common/order/pricing';
import { fetchCart, removeCartItem, selectAllCart, updateCartItem } from '../../services/cart';
import { encodeLines } from '../../services/orders';
import { messageOf } from '../../services/http';
import { login, onSessionChange, readSession } from '../../services/session';
import { EmptyState, ErrorState } from '../../components/empty-state';
import { Check } from '../../components/check';
import { Price } from '../../components/price';
import { CartItem } from './cart-item';
import { toast } from '../../utils/toast';
import { url } from '../../routes';
import './index.scss';

/** 满99元包邮, or how far the selected goods are from it. */
function freeShippingNote(selectedGoodsFen: number): string {
  const short = FREE_SHIPPING_THRESHOLD_FEN - selectedGoodsFen;
  if (selectedGoodsFen > 0 && short > 0) return `还差${formatFen(short)}免运费`;
  return `满${fenToYuanString(FREE_SHIPPING_THRESHOLD_FEN).replace(/\.00$/, '')}元包邮`;
}

function showBadge(cart: CartDto | null): void {
  const n = cart?.totalQuantity ?? 0;
  const done = n > 0 ? Taro.setTabBarBadge({ index: 2, text: n > 99 ? '99+' : String(n) }) : Taro.removeTabBarBadge({ index: 2 });
  void Promise.resolve(done).catch(() => undefined);
}

export default function CartPage() {
  const [loggedIn, setLoggedIn] = useState(() => !!readSession());
  const [cart, setCart] = useState<CartDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loggingIn, setLoggingIn] = useState(false);
  /** 结算 is on its way to 确认订单: a second tap must not open a second one (two orders). */
  const navigating = useRef(false);

  useEffect(() => onSessionChange((s) => setLoggedIn(!!s)), []);

  const load = async () => {
    if (!readSession()) {
      setLoggedIn(false);
      setCart(null);
      return;
    }
    setLoggedIn(true);
    try {
      const next = await fetchCart();
      setCart(next);
      setError(null);
      showBadge(next);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  useDidShow(() => {
    navigating.current = false;
    void load();
  });

  /** Runs one cart change; the answer is the whole cart, so the page always shows the server's truth. */
  const change = async (work: () => Promise<CartDto>) => {
    if (busy) return;
    setBusy(true);
    try {
      const next = await work();
      setCart(next);
      showBadge(next);
    } catch (e) {
      toast(messageOf(e));
      void load();
    } finally {
      setBusy(false);
    }
  };

  const doLogin = async () => {
    setLoggingIn(true);
    try {
      await login();
      await load();
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setLoggingIn(false);
    }
  };

  const remove = async (item: CartItemDto) => {
    const { confirm } = await Taro.showModal({ title: '', content: '确定删除这件商品吗？', confirmColor: '#e8452c' });
    if (confirm) void change(() => removeCartItem(item.id));
  };

  if (!loggedIn) {
    return (
      <View className='cart-page cart-page--blank'>
        <EmptyState title='登录后查看购物车' description='登录后可同步购物车中的商品'>
          <Button className='cart-login' type='primary' shape='round' loading={loggingIn} onClick={() => void doLogin()}>
            微信登录
          </Button>
        </EmptyState>
      </View>
    );
  }
  if (!cart) {
    return (
      <View className='cart-page cart-page--blank'>
        {error ? (
          <ErrorState message={error} onRetry={() => void load()} />
        ) : (
          <View className='cart-skeleton shimmer' />
        )}
      </View>
    );
  }
  if (cart.items.length === 0) {
    return (
      <View className='cart-page cart-page--blank'>
        <EmptyState className='cart-empty' title='购物车空空如也' description='挑几件心仪的好物吧'>
          <Button className='cart-empty__go' type='primary' shape='round' onClick={() => void Taro.switchTab({ url: url('home') })}>
            去逛逛
          </Button>
        </EmptyState>
      </View>
    );
  }

  const buyable = cart.items.filter((i) => !i.problem);
  const allSelected = buyable.length > 0 && buyable.every((i) => i.selected);
  const chosen = buyable.filter((i) => i.selected);
  const problems = cart.items.filter((i) => i.problem);

  const checkout = () => {
    // While a change is in flight the lines shown may not be what the server will have.
    if (navigating.current || busy) return;
    if (chosen.length === 0) return toast('请先选择要结算的商品');
    const lines = encodeLines(chosen.map((i) => ({ skuId: i.skuId, quantity: i.quantity })));
    navigating.current = true;
    Taro.navigateTo({
      url: url('orderConfirm', { from: 'cart', lines }),
      fail: () => {
        navigating.current = false;
      },
    }).catch(() => undefined);
  };

  const itemProps = {
    busy,
    onSelect: (item: CartItemDto, selected: boolean) => void change(() => updateCartItem(item.id, { selected })),
    onQuantity: (item: CartItemDto, quantity: number) => void change(() => updateCartItem(item.id, { quantity })),
    onDelete: (item: CartItemDto) => void remove(item),
  };

  return (
    <View className='cart-page'>
      <View className='cart-head'>
        <Text className='cart-head__title'>共 {cart.totalQuantity} 件商品</Text>
        <Text className='cart-head__note'>{freeShippingNote(cart.selectedGoodsFen)}</Text>
      </View>
      <View className='cart-group'>
        {buyable.map((item) => (
          <CartItem key={item.id} item={item} {...itemProps} />
        ))}
      </View>
      {problems.length > 0 && (
        <View className='cart-group cart-group--problem'>
          <Text className='cart-group__title'>失效商品 {problems.length} 件</Text>
          {problems.map((item) => (
            <CartItem key={item.id} item={item} {...itemProps} />
          ))}
        </View>
      )}

      <View className='cart-bar'>
        <View className='cart-bar__all' onClick={() => buyable.length && void change(() => selectAllCart(!allSelected))}>
          <Check className='cart-select-all' checked={allSelected} disabled={busy || buyable.length === 0} onChange={(v) => void change(() => selectAllCart(v))} />
          <Text className='cart-bar__all-label'>全选</Text>
        </View>
        <View className='cart-bar__sum'>
          <Text className='cart-bar__label'>合计：</Text>
          <Price className='cart-total' fen={cart.selectedGoodsFen} />
        </View>
        <View className={`cart-checkout${chosen.length ? '' : ' cart-checkout--off'}`} onClick={checkout}>
          结算({cart.selectedCount})
        </View>
      </View>
    </View>
  );
}
