import { useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { usePaged } from '../../../hooks/usePaged';
import { fetchProducts } from '../../../services/catalogue';
import { ProductCard } from '../../../components/product-card';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState } from '../../../components/empty-state';
import { clearHistory, pushHistory, readHistory } from './history';
import { HotList } from './hot-list';
import { RecentSearches } from './recent';
import './index.scss';

const MAX_KEYWORD = 50;

export default function SearchPage() {
  const [text, setText] = useState('');
  // The keyword of the results on screen (null before the first search).
  const [keyword, setKeyword] = useState<string | null>(null);
  const [history, setHistory] = useState<string[]>(() => readHistory());
  const list = usePaged(fetchProducts, {});

  const search = (raw: string) => {
    const kw = raw.trim().slice(0, MAX_KEYWORD);
    if (!kw) return;
    setText(kw);
    setKeyword(kw);
    setHistory(pushHistory(kw));
    void list.reload({ keyword: kw, sort: 'newest' });
  };

  useReachBottom(() => {
    if (keyword) void list.loadMore();
  });

  const showEmpty = keyword !== null && list.status === 'done' && list.items.length === 0;

  return (
    <View className='search-page'>
      <View className='search-bar'>
        <View className='search-bar__field'>
          <View className='search-bar__icon' />
          <Input
            className='search-input'
            value={text}
            focus
            type='text'
            confirmType='search'
            maxlength={MAX_KEYWORD}
            placeholder='搜索商品名称'
            placeholderClass='search-input__placeholder'
            onInput={(e) => setText(e.detail.value)}
            onConfirm={(e) => search(e.detail.value)}
          />
          {text.length > 0 && (
            <View className='search-bar__clear' onClick={() => setText('')}>
              ×
            </View>
          )}
        </View>
        <View className='search-submit' onClick={() => search(text)}>
          搜索
        </View>
      </View>

      {keyword === null ? (
        <View>
          <RecentSearches
            keywords={history}
            onPick={search}
            onClear={() => {
              clearHistory();
              setHistory([]);
            }}
          />
          <HotList />
        </View>
      ) : showEmpty ? (
        <EmptyState className='search-empty' title='没有找到相关商品' description='换个关键词试试吧' />
      ) : (
        <View className='search-results'>
          {list.status === 'done' && (
            <View className='search-results__summary'>
              <Text>「{keyword}」共找到 {list.total} 件商品</Text>
            </View>
          )}
          {list.items.map((p) => (
            <View key={p.id} className='search-results__card'>
              <ProductCard product={p} layout='list' />
            </View>
          ))}
          <ListFooter list={list} />
        </View>
      )}
    </View>
  );
}
