/** Placeholder until orders land: an empty cart that points back to the storefront. */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { EmptyState } from '../../components/empty-state';
import './index.scss';

export default function CartPage() {
  return (
    <View className='cart-page'>
      <EmptyState className='cart-empty' title='购物车空空如也' description='挑几件心仪的好物吧'>
        <Button
          className='cart-empty__go'
          type='primary'
          shape='round'
          onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}
        >
          去逛逛
        </Button>
      </EmptyState>
    </View>
  );
}
