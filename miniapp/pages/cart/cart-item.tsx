/** One cart line: check, picture, title, spec, price, stepper; a line with a problem is greyed. */
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { CART_PROBLEM_LABELS, type CartItemDto } from '@common/cart/types';
import { MAX_LINE_QUANTITY } from '@common/order/pricing';
import { assetUrl } from '../../services/http';
import { Check } from '../../components/check';
import { Price } from '../../components/price';
import { Stepper } from '../../components/stepper';
import { url } from '../../routes';

interface CartItemProps {
  item: CartItemDto;
  busy: boolean;
  onSelect: (item: CartItemDto, selected: boolean) => void;
  onQuantity: (item: CartItemDto, quantity: number) => void;
  onDelete: (item: CartItemDto) => void;
}

export function CartItem({ item, busy, onSelect, onQuantity, onDelete }: CartItemProps) {
  const problem = item.problem;
  const open = () => void Taro.navigateTo({ url: url('product', { id: item.productId }) });
  // Out of stock or off sale: nothing to change but to remove it. Too few left: the stepper may come down.
  const maxQuantity = Math.max(1, Math.min(MAX_LINE_QUANTITY, problem === 'insufficient_stock' ? item.quantity : item.stock));
  return (
    <View className={`cart-item${problem ? ' cart-item--problem' : ''}`}>
      <Check className='cart-item__check' checked={item.selected && !problem} disabled={!!problem || busy} onChange={(v) => onSelect(item, v)} />
      <View className='cart-item__media' onClick={open}>
        <Image className='cart-item__image' src={assetUrl(item.image)} mode='aspectFill' lazyLoad />
        {problem && <Text className='cart-item__badge'>{CART_PROBLEM_LABELS[problem]}</Text>}
      </View>
      <View className='cart-item__body'>
        <Text className='cart-item__title' onClick={open}>
          {item.title}
        </Text>
        {item.specLabel && <Text className='cart-item__spec'>{item.specLabel}</Text>}
        {problem === 'insufficient_stock' && <Text className='cart-item__problem'>仅剩 {item.stock} 件，请减少数量</Text>}
        {problem && problem !== 'insufficient_stock' && <Text className='cart-item__problem'>{CART_PROBLEM_LABELS[problem]}，无法购买</Text>}
        <View className='cart-item__foot'>
          <Price className='cart-item__price' fen={item.unitPriceFen} size='sm' />
          {problem && problem !== 'insufficient_stock' ? (
            <Text className='cart-item__qty'>×{item.quantity}</Text>
          ) : (
            <Stepper
              className='cart-item__stepper'
              value={item.quantity}
              max={maxQuantity}
              disabled={busy}
              onChange={(q) => onQuantity(item, q)}
            />
          )}
        </View>
      </View>
      <View className='cart-item__delete' onClick={() => onDelete(item)} />
    </View>
  );
}
