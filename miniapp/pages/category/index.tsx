import { useCallback, useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import type { CategoryDto, ProductSort } from '@common/catalogue/types';
import { fetchCategories, fetchProducts } from '../../services/catalogue';
import { messageOf } from '../../services/http';
import { usePaged } from '../../hooks/usePaged';
import { ProductCard } from '../../components/product-card';
import { ListFooter } from '../../components/list-footer';
import { EmptyState, ErrorState } from '../../components/empty-state';
import { takeRememberedCategory } from './selection';
import { SortBar } from './sort-bar';
import './index.scss';

export default function CategoryPage() {
  const [categories, setCategories] = useState<CategoryDto[]>([]);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [sort, setSort] = useState<ProductSort>('newest');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const list = usePaged(fetchProducts, {});

  const loadCategories = useCallback(async () => {
    try {
      const data = await fetchCategories();
      setCategories(data);
      setLoadError(null);
      const wanted = takeRememberedCategory();
      setActiveId((current) => {
        const keep = [current, wanted].find((id) => id != null && data.some((c) => c.id === id));
        return keep ?? data[0]?.id ?? null;
      });
    } catch (e) {
      setLoadError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void loadCategories();
  }, [loadCategories]);

  // Coming from a home-page shortcut: open that category.
  useDidShow(() => {
    const wanted = takeRememberedCategory();
    if (wanted != null && (categories.length === 0 || categories.some((c) => c.id === wanted))) setActiveId(wanted);
  });

  useEffect(() => {
    if (activeId == null) return;
    // Jump back to the top of the new list (a tiny change forces ScrollView to apply it).
    setScrollTop((t) => (t === 0 ? 0.01 : 0));
    void list.reload({ categoryId: activeId, sort });
    // list.reload is stable
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeId, sort]);

  if (loadError && categories.length === 0) {
    return (
      <View className='category-page category-page--error'>
        <ErrorState message={loadError} onRetry={() => void loadCategories()} />
      </View>
    );
  }

  const active = categories.find((c) => c.id === activeId);

  return (
    <View className='category-page'>
      <ScrollView className='category-page__nav' scrollY enhanced showScrollbar={false}>
        {categories.map((c) => (
          <View
            key={c.id}
            className={`category-item${c.id === activeId ? ' category-item--active' : ''}`}
            onClick={() => setActiveId(c.id)}
          >
            {c.name}
          </View>
        ))}
      </ScrollView>

      <View className='category-page__main'>
        <View className='category-page__head'>
          <Text className='category-page__name'>{active?.name ?? ''}</Text>
          {list.status === 'done' && <Text className='category-page__count'>共 {list.total} 件</Text>}
        </View>
        <SortBar value={sort} onChange={setSort} />
        <ScrollView
          className='category-page__list'
          scrollY
          scrollTop={scrollTop}
          lowerThreshold={120}
          onScrollToLower={() => void list.loadMore()}
        >
          {list.items.map((p) => (
            <View key={p.id} className='category-page__card'>
              <ProductCard product={p} layout='list' />
            </View>
          ))}
          {list.status === 'done' && list.items.length === 0 ? (
            <EmptyState className='category-empty' title='该分类暂无商品' description='去看看其他分类吧' />
          ) : (
            <ListFooter list={list} />
          )}
        </ScrollView>
      </View>
    </View>
  );
}
