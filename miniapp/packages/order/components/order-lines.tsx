/** The lines of an order or a checkout preview: picture, title, spec, unit price, quantity. */
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { formatFen } from '@common/money';
import type { OrderLineDto } from '@common/order/types';
import { assetUrl } from '../../../services/http';
import { url } from '../../../routes';
import './order-lines.scss';

interface OrderLinesProps {
  lines: OrderLineDto[];
  /** Tapping a line opens its product (detail and confirm pages), or does nothing (list cards). */
  linkToProduct?: boolean;
}

export function OrderLines({ lines, linkToProduct = false }: OrderLinesProps) {
  return (
    <View className='order-lines'>
      {lines.map((line) => (
        <View
          key={line.skuId}
          className='order-line'
          onClick={() => linkToProduct && void Taro.navigateTo({ url: url('product', { id: line.productId }) })}
        >
          <Image className='order-line__image' src={assetUrl(line.image)} mode='aspectFill' lazyLoad />
          <View className='order-line__body'>
            <Text className='order-line__title'>{line.title}</Text>
            {line.specLabel && <Text className='order-line__spec'>{line.specLabel}</Text>}
          </View>
          <View className='order-line__side'>
            <Text className='order-line__price'>{formatFen(line.unitPriceFen)}</Text>
            <Text className='order-line__qty'>×{line.quantity}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
