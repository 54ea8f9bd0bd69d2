/** 「热销榜」 shown before the first search: the best sellers, tap to open. */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ProductCardDto } from '@common/catalogue/types';
import { fetchProducts } from '../../../services/catalogue';
import { openProduct } from '../../../components/product-card';
import { Price } from '../../../components/price';

export function HotList() {
  const [items, setItems] = useState<ProductCardDto[]>([]);
  useEffect(() => {
    fetchProducts({ sort: 'sales' }, 1, 6)
      .then((page) => setItems(page.items))
      .catch(() => setItems([])); // a nice-to-have: stay quiet when it fails
  }, []);
  if (items.length === 0) return null;
  return (
    <View className='hot-list'>
      <Text className='hot-list__title'>热销榜</Text>
      {items.map((p, i) => (
        <View key={p.id} className='hot-list__row' onClick={() => openProduct(p.id)}>
          <Text className={`hot-list__rank${i < 3 ? ' hot-list__rank--top' : ''}`}>{i + 1}</Text>
          <Text className='hot-list__name'>{p.title}</Text>
          <Price fen={p.priceFen} size='sm' />
        </View>
      ))}
    </View>
  );
}
