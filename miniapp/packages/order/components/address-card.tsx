/** The receiver block: name, phone, region and street, as 确认订单 and 订单详情 show it. */
import { Text, View } from '@tarojs/components';
import type { AddressSnapshot } from '@common/address/types';
import './address-card.scss';

interface AddressCardProps {
  address: AddressSnapshot | null;
  isDefault?: boolean;
  /** Shows an arrow and takes taps (确认订单: change the address). */
  onClick?: () => void;
}

export function AddressCard({ address, isDefault = false, onClick }: AddressCardProps) {
  return (
    <View className={`address-card${onClick ? ' address-card--link' : ''}`} onClick={onClick}>
      <View className='address-card__pin' />
      {address ? (
        <View className='address-card__body'>
          <View className='address-card__region'>
            {isDefault && <Text className='address-card__tag'>默认</Text>}
            <Text>{address.region}</Text>
          </View>
          <Text className='address-card__detail'>{address.detail}</Text>
          <View className='address-card__person'>
            <Text className='address-card__name'>{address.name}</Text>
            <Text className='address-card__phone'>{address.phone}</Text>
          </View>
        </View>
      ) : (
        <View className='address-card__body'>
          <Text className='address-card__empty'>添加收货地址</Text>
        </View>
      )}
      {onClick && <View className='address-card__arrow' />}
      <View className='address-card__stripe' />
    </View>
  );
}
