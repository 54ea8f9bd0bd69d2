/** Bottom bar: shortcuts and 加入购物车 / 立即购买. */
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import homeIcon from '../../assets/tabbar/home.png';
import cartIcon from '../../assets/tabbar/cart.png';
import { url } from '../../routes';

interface ActionBarProps {
  disabled: boolean;
  adding: boolean;
  cartCount: number | null;
  onAddToCart: () => void;
  onBuyNow: () => void;
}

export function ActionBar({ disabled, adding, cartCount, onAddToCart, onBuyNow }: ActionBarProps) {
  return (
    <View className='action-bar'>
      <View className='action-bar__shortcut' onClick={() => void Taro.switchTab({ url: url('home') })}>
        <Image className='action-bar__icon' src={homeIcon} />
        <Text>首页</Text>
      </View>
      <View className='action-bar__shortcut' onClick={() => void Taro.switchTab({ url: url('cart') })}>
        <Image className='action-bar__icon' src={cartIcon} />
        <Text>购物车</Text>
        {cartCount ? <Text className='action-bar__badge'>{cartCount > 99 ? '99+' : cartCount}</Text> : null}
      </View>
      <View className={`action-bar__buttons${disabled ? ' action-bar__buttons--disabled' : ''}`}>
        <View className='action-bar__button action-bar__button--cart add-to-cart' onClick={() => !adding && onAddToCart()}>
          {adding ? '加入中…' : '加入购物车'}
        </View>
        <View className='action-bar__button action-bar__button--buy buy-now' onClick={onBuyNow}>
          {disabled ? '已售罄' : '立即购买'}
        </View>
      </View>
    </View>
  );
}
