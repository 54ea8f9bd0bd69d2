/** Bottom bar: shortcuts and 加入购物车 / 立即购买 (the cart opens in the next release). */
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import homeIcon from '../../assets/tabbar/home.png';
import cartIcon from '../../assets/tabbar/cart.png';

function comingSoon(): void {
  void Taro.showToast({ title: '购物车即将开放', icon: 'none', duration: 1800 });
}

export function ActionBar({ disabled }: { disabled: boolean }) {
  return (
    <View className='action-bar'>
      <View className='action-bar__shortcut' onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}>
        <Image className='action-bar__icon' src={homeIcon} />
        <Text>首页</Text>
      </View>
      <View className='action-bar__shortcut' onClick={() => void Taro.switchTab({ url: '/pages/cart/index' })}>
        <Image className='action-bar__icon' src={cartIcon} />
        <Text>购物车</Text>
      </View>
      <View className={`action-bar__buttons${disabled ? ' action-bar__buttons--disabled' : ''}`}>
        <View className='action-bar__button action-bar__button--cart' onClick={comingSoon}>
          加入购物车
        </View>
        <View className='action-bar__button action-bar__button--buy' onClick={comingSoon}>
          {disabled ? '已售罄' : '立即购买'}
        </View>
      </View>
    </View>
  );
}
