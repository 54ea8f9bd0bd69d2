/** 加入购物车 / 立即购买 from the product page: log in silently if needed, then act on the chosen SKU. */
import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { SkuDto } from '@common/catalogue/types';
import { addToCart, fetchCart } from '../../services/cart';
import { messageOf } from '../../services/http';
import { encodeLines } from '../../services/orders';
import { ensureSession, readSession } from '../../services/session';
import { toast } from '../../utils/toast';
import { url } from '../../routes';

export function usePurchase(sku: SkuDto | null, quantity: number, missing: string[]) {
  const [adding, setAdding] = useState(false);
  /** Pieces in the cart, for the badge on the bar's 购物车 shortcut (null: unknown). */
  const [cartCount, setCartCount] = useState<number | null>(null);
  const busy = useRef(false);
  /** 立即购买 is on its way to 确认订单: a second tap must not open a second one (two orders). */
  const navigating = useRef(false);

  // Back from 确认订单 (or the navigation failed): 立即购买 works again.
  useDidShow(() => {
    navigating.current = false;
  });

  useEffect(() => {
    if (!readSession()) return;
    fetchCart().then((c) => setCartCount(c.totalQuantity), () => undefined);
  }, []);

  const ready = (): SkuDto | null => {
    if (!sku) {
      toast(`请选择 ${missing.join(' / ')}`);
      return null;
    }
    if (sku.status !== 'on_sale' || sku.stock <= 0) {
      toast('该规格已售罄');
      return null;
    }
    return sku;
  };

  const add = async () => {
    const chosen = ready();
    if (!chosen || busy.current) return;
    busy.current = true;
    setAdding(true);
    try {
      await ensureSession();
      const cart = await addToCart(chosen.id, quantity);
      setCartCount(cart.totalQuantity);
      toast('已加入购物车', 'success');
    } catch (e) {
      toast(messageOf(e));
    } finally {
      busy.current = false;
      setAdding(false);
    }
  };

  const buy = async () => {
    if (navigating.current) return;
    const chosen = ready();
    if (!chosen) return;
    // Set before the login await, so a tap during it is refused too.
    navigating.current = true;
    try {
      await ensureSession();
    } catch (e) {
      navigating.current = false;
      return toast(messageOf(e));
    }
    const lines = encodeLines([{ skuId: chosen.id, quantity }]);
    Taro.navigateTo({
      url: url('orderConfirm', { lines }),
      fail: () => {
        navigating.current = false;
      },
    }).catch(() => undefined);
  };

  return { adding, cartCount, add, buy };
}
