import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ProductDetailDto, SkuSpecs } from '@common/catalogue/types';
import { initialSelection, pickSku, specLabel } from '@common/catalogue/sku';
import { fetchProduct } from '../../services/catalogue';
import { isApiError, messageOf } from '../../services/http';
import { EmptyState, ErrorState } from '../../components/empty-state';
import { OriginalPrice, Price } from '../../components/price';
import { MemberPrice } from '../../components/member-price';
import { formatCount } from '@common/catalogue/count';
import { Gallery } from './gallery';
import { SpecPicker } from './spec-picker';
import { ActionBar } from './action-bar';
import { usePurchase } from './purchase';
import { Stepper } from '../../components/stepper';
import { MAX_LINE_QUANTITY } from '@common/order/pricing';
import { ProductCoupons } from '../../components/product-coupons';
import { useMyShareToken, useShareEntry } from '../../hooks/use-share';
import { sharePath } from '../../services/share';
import { landingId } from '@common/attribution/poster-scene';
import { url } from '../../routes';
import './index.scss';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; product: ProductDetailDto }
  | { state: 'missing' }
  | { state: 'error'; message: string };

/** The picks of a refreshed product that can still lead to a buyable SKU, else its first selection. */
function keepSelection(product: ProductDetailDto, selected: SkuSpecs): SkuSpecs {
  const { available } = pickSku(product.specs, product.skus, selected);
  const valid = Object.keys(selected).every((name) => available[name]?.has(selected[name]));
  return valid ? selected : initialSelection(product.specs, product.skus);
}

export default function ProductPage() {
  const router = useRouter();
  // `id` from a card or a link, or the product of a guide's poster code (`scene`).
  const id = landingId(router.params);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [selected, setSelected] = useState<SkuSpecs>({});
  const [quantity, setQuantity] = useState(1);

  const fetchIt = async () => {
    if (id == null) {
      setLoad({ state: 'missing' });
      return;
    }
    setLoad({ state: 'loading' });
    try {
      const product = await fetchProduct(id);
      setSelected(initialSelection(product.specs, product.skus));
      setLoad({ state: 'ready', product });
    } catch (e) {
      const missing = isApiError(e) && ['PRODUCT_NOT_FOUND', 'NOT_FOUND', 'VALIDATION_FAILED'].includes(e.code);
      setLoad(missing ? { state: 'missing' } : { state: 'error', message: messageOf(e) });
    }
  };

  useEffect(() => {
    void fetchIt();
    // the id of a page instance never changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  // Back on this page (from 确认订单, 购物车, an order): stock and prices may have changed, so
  // re-read them quietly, keeping the shopper's picks while they still lead to a buyable SKU.
  const shown = useRef(false);
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true; // the first show is the mount, which fetchIt already covers
      return;
    }
    if (id == null || load.state !== 'ready') return;
    fetchProduct(id).then(
      (fresh) => {
        setSelected((current) => keepSelection(fresh, current));
        setLoad({ state: 'ready', product: fresh });
      },
      () => undefined, // keep what is shown; the next show tries again
    );
  });

  // Guides' cards carry their token (t), shoppers' cards a referral token; see services/share.ts.
  useShareEntry();
  const myToken = useMyShareToken();
  useShareAppMessage(() => {
    const title = load.state === 'ready' ? load.product.title : 'Loopmall 好物推荐';
    return { title, path: sharePath(url('product', { id: id ?? '' }), myToken) };
  });

  const product = load.state === 'ready' ? load.product : null;
  const picker = useMemo(
    () => (product ? pickSku(product.specs, product.skus, selected) : null),
    [product, selected],
  );
  // A SKU with less stock than the quantity picked for the previous one: clamp, never exceed stock.
  const qty = Math.min(quantity, Math.max(1, picker?.sku?.stock ?? 1));
  const purchase = usePurchase(picker?.sku ?? null, qty, picker?.missing ?? []);

  if (load.state === 'loading') {
    return (
      <View className='product-page'>
        <View className='product-skeleton__image shimmer' />
        <View className='product-skeleton__line shimmer' />
        <View className='product-skeleton__line product-skeleton__line--short shimmer' />
      </View>
    );
  }
  if (load.state === 'missing') {
    return (
      <View className='product-page product-missing'>
        <EmptyState title='商品不存在或已下架' description='看看其他好物吧'>
          <View className='product-missing__home' onClick={() => void Taro.switchTab({ url: url('home') })}>
            回到首页
          </View>
        </EmptyState>
      </View>
    );
  }
  if (load.state === 'error' || !product || !picker) {
    return (
      <View className='product-page'>
        <ErrorState message={load.state === 'error' ? load.message : '加载失败'} onRetry={() => void fetchIt()} />
      </View>
    );
  }

  const sku = picker.sku;
  const prices = product.skus.filter((s) => s.status === 'on_sale').map((s) => s.priceFen);
  const severalPrices = new Set(prices).size > 1;
  const images = product.images.length > 0 ? product.images : [product.cover];
  const hasSpecs = product.specs.length > 0;
  const soldOut = sku ? sku.stock <= 0 || sku.status !== 'on_sale' : product.totalStock <= 0;

  return (
    <View className='product-page'>
      <Gallery images={images} />

      <View className='product-card-block product-summary'>
        <View className='product-summary__price-row'>
          <View className='product-summary__prices'>
            <View className='product-price'>
              {sku ? (
                <Price fen={sku.priceFen} size='lg' />
              ) : (
                <Price fen={product.priceFen} size='lg' from={severalPrices} />
              )}
            </View>
            <OriginalPrice
              className='product-summary__original'
              fen={sku ? sku.priceFen : product.priceFen}
              original={sku ? sku.originalPriceFen : product.originalPriceFen}
            />
            <MemberPrice fen={sku ? sku.priceFen : product.priceFen} />
          </View>
          <Text className='product-summary__sales'>已售 {formatCount(product.salesCount)}</Text>
        </View>
        <Text className='product-title'>{product.title}</Text>
        {product.subtitle && <Text className='product-subtitle'>{product.subtitle}</Text>}
        {product.tags.length > 0 && (
          <View className='product-tags'>
            {product.tags.map((tag) => (
              <Text key={tag} className='product-tags__item'>
                {tag}
              </Text>
            ))}
          </View>
        )}
      </View>

      <ProductCoupons productId={product.id} />

      <View className='product-card-block product-specs'>
        <View className='product-specs__head'>
          <Text className='product-specs__label'>规格</Text>
          <Text className='sku-summary'>
            {sku
              ? `已选：${hasSpecs ? specLabel(product.specs, sku.specs) : '默认规格'}`
              : `请选择 ${picker.missing.join(' / ')}`}
          </Text>
        </View>
        {hasSpecs && (
          <SpecPicker specs={product.specs} selected={selected} available={picker.available} onChange={setSelected} />
        )}
        {sku && (
          <Text className={`product-stock${soldOut ? ' product-stock--out' : ''}`}>
            {soldOut ? '已售罄' : `库存 ${sku.stock} 件`}
          </Text>
        )}
        <View className='product-quantity'>
          <Text className='product-quantity__label'>数量</Text>
          <Stepper
            className='product-quantity__stepper'
            value={qty}
            max={Math.max(1, Math.min(MAX_LINE_QUANTITY, sku?.stock ?? 1))}
            disabled={soldOut}
            onChange={setQuantity}
          />
        </View>
      </View>

      <View className='product-card-block product-desc'>
        <Text className='product-desc__title'>商品详情</Text>
        {(product.description || '暂无详细介绍').split(/\n+/).map((para, i) => (
          <Text key={i} className='product-desc__para'>
            {para}
          </Text>
        ))}
      </View>

      <ActionBar
        disabled={soldOut}
        adding={purchase.adding}
        cartCount={purchase.cartCount}
        onAddToCart={() => void purchase.add()}
        onBuyNow={() => void purchase.buy()}
      />
    </View>
  );
}
