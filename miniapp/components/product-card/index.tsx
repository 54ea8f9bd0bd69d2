/**
 * A product as grids and lists show it. Class names `.product-card` and `.product-card__title`
 * are stable selectors for the browser journeys.
 */
import { memo } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { ProductCardDto } from '@common/catalogue/types';
import { assetUrl } from '../../services/http';
import { formatCount } from '@common/catalogue/count';
import { OriginalPrice, Price } from '../price';
import { url } from '../../routes';
import './index.scss';

interface ProductCardProps {
  product: ProductCardDto;
  /** grid: two columns, cover on top; list: cover on the left. */
  layout?: 'grid' | 'list';
}

export function openProduct(id: number): void {
  void Taro.navigateTo({ url: url('product', { id }) });
}

function ProductCardView({ product, layout = 'grid' }: ProductCardProps) {
  return (
    <View className={`product-card product-card--${layout}`} onClick={() => openProduct(product.id)}>
      <View className='product-card__cover'>
        <Image className='product-card__image' src={assetUrl(product.cover)} mode='aspectFill' lazyLoad />
      </View>
      <View className='product-card__body'>
        <Text className='product-card__title'>{product.title}</Text>
        {product.tags.length > 0 && (
          <View className='product-card__tags'>
            {product.tags.slice(0, 3).map((tag) => (
              <Text key={tag} className='product-card__tag'>
                {tag}
              </Text>
            ))}
          </View>
        )}
        <View className='product-card__footer'>
          <View className='product-card__prices'>
            <Price fen={product.priceFen} size='sm' />
            <OriginalPrice fen={product.priceFen} original={product.originalPriceFen} className='product-card__original' />
          </View>
          <Text className='product-card__sales'>已售 {formatCount(product.salesCount)}</Text>
        </View>
      </View>
    </View>
  );
}

export const ProductCard = memo(ProductCardView);
