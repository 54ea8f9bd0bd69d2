/** Sort switches: 最新 / 销量 / 价格 (tapping 价格 again flips ascending and descending). */
import { Text, View } from '@tarojs/components';
import type { ProductSort } from '@common/catalogue/types';

interface SortBarProps {
  value: ProductSort;
  onChange: (sort: ProductSort) => void;
}

export function SortBar({ value, onChange }: SortBarProps) {
  const isPrice = value === 'price_asc' || value === 'price_desc';
  const option = (active: boolean) => `sort-option${active ? ' sort-option--active' : ''}`;
  return (
    <View className='sort-bar'>
      <View className={option(value === 'newest')} onClick={() => onChange('newest')}>
        最新
      </View>
      <View className={option(value === 'sales')} onClick={() => onChange('sales')}>
        销量
      </View>
      <View
        className={option(isPrice)}
        onClick={() => onChange(value === 'price_asc' ? 'price_desc' : 'price_asc')}
      >
        价格
        <View className='sort-option__arrows'>
          <Text className={`sort-option__arrow${value === 'price_asc' ? ' sort-option__arrow--on' : ''}`}>▲</Text>
          <Text className={`sort-option__arrow${value === 'price_desc' ? ' sort-option__arrow--on' : ''}`}>▼</Text>
        </View>
      </View>
    </View>
  );
}
