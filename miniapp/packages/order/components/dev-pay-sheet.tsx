/**
 * The development cashier: stands in for WeChat's payment sheet when the server runs in the
 * development payment mode (embedded demo, H5, browser tests). No money moves.
 */
import { Text, View } from '@tarojs/components';
import { Price } from '../../../components/price';
import './dev-pay-sheet.scss';

interface DevPaySheetProps {
  amountFen: number;
  onAnswer: (pay: boolean) => void;
}

export function DevPaySheet({ amountFen, onAnswer }: DevPaySheetProps) {
  return (
    <View className='dev-pay' catchMove>
      <View className='dev-pay__mask' onClick={() => onAnswer(false)} />
      <View className='dev-pay__panel'>
        <View className='dev-pay__head'>
          <Text className='dev-pay-cancel' onClick={() => onAnswer(false)}>
            ×
          </Text>
          <Text className='dev-pay__title'>确认付款</Text>
        </View>
        <View className='dev-pay__amount'>
          <Price fen={amountFen} size='lg' />
        </View>
        <View className='dev-pay__row'>
          <Text className='dev-pay__label'>收款方</Text>
          <Text>Loopmall 官方商城</Text>
        </View>
        <View className='dev-pay__row'>
          <Text className='dev-pay__label'>付款方式</Text>
          <Text>模拟支付（开发环境）</Text>
        </View>
        <Text className='dev-pay__note'>开发环境模拟支付，不会真实扣款</Text>
        <View className='dev-pay-confirm' onClick={() => onAnswer(true)}>
          确认支付
        </View>
      </View>
    </View>
  );
}
