import { useEffect, useLayoutEffect, useState } from 'react';
import Taro, { useDidHide, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import { HOME_PRODUCTS } from '@common/catalogue/home';
import type { BannerDto, CategoryDto } from '@common/catalogue/types';
import { fetchHome, fetchProducts } from '../../services/catalogue';
import { assetUrl, messageOf } from '../../services/http';
import { usePaged } from '../../hooks/usePaged';
import { useAfterPaint } from '../../hooks/use-after-paint';
import { useShareEntry } from '../../hooks/use-share';
import { openProduct } from '../../components/product-card';
import { ProductGrid } from '../../components/product-grid';
import { ListFooter } from '../../components/list-footer';
import { EmptyState, ErrorState } from '../../components/empty-state';
import { rememberCategory } from '../category/selection';
import { GridSkeleton } from '../../components/grid-skeleton';
import { FlashSaleStrip } from '../../components/flash-sale-strip';
import { NewMemberPopup } from '../../components/new-member-popup';
import { url } from '../../routes';
import { dropFirstScreen } from '../../utils/first-screen';
import './index.scss';

const PROMISES = ['正品保障', '极速发货', '7天无理由退换'];

function openCategory(category: CategoryDto): void {
  rememberCategory(category.id);
  void Taro.switchTab({ url: url('category') });
}

function openBanner(banner: BannerDto): void {
  if (banner.productId != null) openProduct(banner.productId);
}

export default function HomePage() {
  const [banners, setBanners] = useState<BannerDto[]>([]);
  const [categories, setCategories] = useState<CategoryDto[]>([]);
  const [homeError, setHomeError] = useState<string | null>(null);
  const [homeLoaded, setHomeLoaded] = useState(false);
  const list = usePaged(fetchProducts, {}, HOME_PRODUCTS.pageSize);
  useShareEntry(); // the WeCom welcome card and posters land here with a guide's token

  const loadAll = async () => {
    const home = fetchHome()
      .then((data) => {
        setBanners(data.banners);
        setCategories(data.categories);
        setHomeError(null);
      })
      .catch((e: unknown) => setHomeError(messageOf(e)))
      .finally(() => setHomeLoaded(true));
    await Promise.all([home, list.reload({ sort: HOME_PRODUCTS.sort })]);
  };

  useEffect(() => {
    void loadAll();
    // first load only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  usePullDownRefresh(() => {
    void loadAll().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void list.loadMore();
  });

  const firstLoad = !homeLoaded || (list.status === 'loading' && list.items.length === 0);
  // The first screen is the header, the banner's first picture and the first products: what is
  // not (the flash-sale strip, the 新人礼 popup, the carousel) mounts after that is painted.
  const later = useAfterPaint(!firstLoad);
  // The server-rendered first screen (H5) gives way once this page shows its own products:
  // before the browser paints them, so the two are never on screen together.
  useLayoutEffect(() => {
    if (!firstLoad) dropFirstScreen();
  }, [firstLoad]);
  useDidHide(dropFirstScreen);

  return (
    <View className='home'>
      {later && <NewMemberPopup />}
      <View className='home__header'>
        <View className='home__brand'>
          <Text className='home__logo'>Loopmall</Text>
          <Text className='home__slogan'>品质好物 · 会员专享</Text>
        </View>
        <View className='home-search' onClick={() => void Taro.navigateTo({ url: url('search') })}>
          <View className='home-search__icon' />
          <Text className='home-search__placeholder'>搜索商品名称</Text>
          <Text className='home-search__button'>搜索</Text>
        </View>
      </View>

      <View className='home-banner'>
        {banners.length > 0 && !later ? (
          <Image className='home-banner__image' src={assetUrl(banners[0].image)} mode='aspectFill' onClick={() => openBanner(banners[0])} />
        ) : banners.length > 0 ? (
          <Swiper
            className='home-banner__swiper'
            circular
            autoplay={banners.length > 1}
            interval={4000}
            indicatorDots={banners.length > 1}
            indicatorColor='rgba(255,255,255,0.5)'
            indicatorActiveColor='#ffffff'
          >
            {banners.map((b) => (
              <SwiperItem key={b.id}>
                <Image className='home-banner__image' src={assetUrl(b.image)} mode='aspectFill' onClick={() => openBanner(b)} />
              </SwiperItem>
            ))}
          </Swiper>
        ) : (
          <View className='home-banner__placeholder' />
        )}
      </View>

      <View className='home__promises'>
        {PROMISES.map((p) => (
          <View key={p} className='home__promise'>
            <Text className='home__promise-dot'>✓</Text>
            <Text>{p}</Text>
          </View>
        ))}
      </View>

      {/* Below the banner, which overlaps the red header by design: above it, the strip would be covered. */}
      {later && <FlashSaleStrip />}

      {categories.length > 0 && (
        <View className='home-categories'>
          {categories.slice(0, 10).map((c, i) => (
            <View key={c.id} className='home-categories__item' onClick={() => openCategory(c)}>
              {c.icon ? (
                <Image className='home-categories__icon' src={assetUrl(c.icon)} mode='aspectFit' />
              ) : (
                <View className={`home-categories__glyph home-categories__glyph--${i % 5}`}>{c.name.slice(0, 1)}</View>
              )}
              <Text className='home-categories__name'>{c.name}</Text>
            </View>
          ))}
        </View>
      )}

      {homeError && list.items.length === 0 && list.status === 'error' ? (
        <ErrorState message={homeError} description='下拉页面可重新加载' onRetry={() => void loadAll()} />
      ) : (
        <>
          <View className='home__section-title'>
            <Text className='home__section-main'>新品上架</Text>
            <Text className='home__section-sub'>每周上新 · 限时好价</Text>
          </View>
          {firstLoad ? (
            <GridSkeleton />
          ) : list.items.length === 0 && list.status === 'done' ? (
            <EmptyState title='暂无商品' description='新品正在路上，敬请期待' />
          ) : (
            <ProductGrid items={list.items} />
          )}
          {!firstLoad && (
            <ListFooter list={list} />
          )}
        </>
      )}
    </View>
  );
}
