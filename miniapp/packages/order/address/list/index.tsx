/**
 * 收货地址: manage mode (from 我的) lists and edits; choose mode (from 确认订单) hands the tapped
 * address back and returns.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { AddressDto } from '@common/address/types';
import { MAX_ADDRESSES } from '@common/address/types';
import { maskPhone, regionLabel } from '@common/address/rules';
import { fetchAddresses, setChosenAddress } from '../../../../services/address';
import { messageOf } from '../../../../services/http';
import { EmptyState, ErrorState } from '../../../../components/empty-state';
import { Check } from '../../../../components/check';
import { toast } from '../../../../utils/toast';
import './index.scss';
import { withLogin } from '../../../../components/require-login';
import { usePageShow } from '../../../../hooks/use-page-show';
import { url } from '../../../../routes';

function AddressListPage() {
  const { params } = useRouter();
  const choosing = params.mode === 'choose';
  const selectedId = Number(params.selectedId) || null;
  const [list, setList] = useState<AddressDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    try {
      setList(await fetchAddresses());
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  usePageShow(() => void load());

  const choose = (a: AddressDto) => {
    if (!choosing) return;
    setChosenAddress(a);
    void Taro.navigateBack();
  };
  const edit = (a: AddressDto | null) => {
    if (!a && list && list.length >= MAX_ADDRESSES) {
      toast(`最多保存 ${MAX_ADDRESSES} 个收货地址`);
      return;
    }
    // A new address added while choosing is chosen at once, back past the form and this list.
    const query = a ? { id: a.id } : choosing ? ({ choose: 1, back: 2 } as const) : {};
    void Taro.navigateTo({ url: url('addressEdit', query) });
  };

  return (
    <View className='address-page'>
      {error && (
        <ErrorState message={error} onRetry={() => void load()} />
      )}
      {!error && !list && <View className='address-skeleton shimmer' />}
      {list && list.length === 0 && <EmptyState title='还没有收货地址' description='添加一个地址，下单更快捷' />}
      {list?.map((a) => (
        <View key={a.id} className='address-item' onClick={() => choose(a)}>
          {choosing && <Check className='address-item__check' checked={a.id === selectedId} onChange={() => choose(a)} />}
          <View className='address-item__body'>
            <View className='address-item__person'>
              <Text className='address-item__name'>{a.name}</Text>
              <Text className='address-item__phone'>{maskPhone(a.phone)}</Text>
              {a.isDefault && <Text className='address-item__default'>默认</Text>}
            </View>
            <Text className='address-item__text'>
              {regionLabel(a)} {a.detail}
            </Text>
          </View>
          <View
            className='address-item__edit'
            onClick={(e) => {
              e.stopPropagation();
              edit(a);
            }}
          >
            编辑
          </View>
        </View>
      ))}
      <View className='address-bar'>
        <View className='address-add' onClick={() => edit(null)}>
          ＋ 新增收货地址
        </View>
      </View>
    </View>
  );
}

export default withLogin(AddressListPage, '登录后管理你的收货地址');
