/**
 * Two-column product grid. Deliberately not wrapped in a CustomWrapper: in the mini-program a
 * custom component hides its subtree from page-level queries (miniprogram-automator's
 * `page.$$('.product-card')`), and the journeys select cards by class from the page.
 */
import { View } from '@tarojs/components';
import type { ProductCardDto } from '@common/catalogue/types';
import { ProductCard } from '../product-card';
import './index.scss';

export function ProductGrid({ items }: { items: ProductCardDto[] }) {
  return (
    <View className='product-grid'>
      {items.map((p) => (
        <View key={p.id} className='product-grid__cell'>
          <ProductCard product={p} layout='grid' />
        </View>
      ))}
    </View>
  );
}
