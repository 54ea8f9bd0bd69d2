/**
 * 确认订单's delivery choice: 快递配送 (the address card) or 到店自提 at a store, picked from the
 * stores taking pickups, nearest first when the location is allowed, each with its address,
 * hours and distance. The store sets the request field `pickupStoreId`; the server makes the
 * order a pickup order (no address, no freight) and re-checks the store.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatDistance } from '@common/pickup/rules';
import type { PickupStoreDto } from '@common/pickup/types';
import { messageOf } from '../../../services/http';
import { currentLocation } from '../../../services/location';
import { fetchPickupStores } from '../../../services/pickup';
import './fulfilment-choice.scss';

export type Fulfilment = 'delivery' | 'pickup';

interface Props {
  mode: Fulfilment;
  onMode(mode: Fulfilment): void;
  storeId: number | undefined;
  onStore(storeId: number | undefined): void;
}

export function FulfilmentTabs({ mode, onMode }: Pick<Props, 'mode' | 'onMode'>) {
  return (
    <View className='fulfilment-tabs'>
      {(['delivery', 'pickup'] as const).map((m) => (
        <View key={m} className={`fulfilment-tab fulfilment-tab--${m}${mode === m ? ' fulfilment-tab--on' : ''}`} onClick={() => onMode(m)}>
          {m === 'delivery' ? '快递配送' : '到店自提'}
        </View>
      ))}
    </View>
  );
}

/** The store list of 到店自提, with its loading, empty and error states. */
export function PickupStores({ storeId, onStore }: Pick<Props, 'storeId' | 'onStore'>) {
  const [stores, setStores] = useState<PickupStoreDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setError(null);
    setStores(null);
    try {
      const list = await fetchPickupStores(await currentLocation());
      setStores(list);
      // The nearest store is chosen for the shopper; another is a tap away.
      if (storeId === undefined && list.length) onStore(list[0].storeId);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useEffect(() => {
    void load();
    // loaded once per switch to 到店自提
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (error) {
    return (
      <View className='pickup-stores pickup-stores--state'>
        <Text>{error}</Text>
        <Text className='pickup-stores__retry' onClick={() => void load()}>点击重试</Text>
      </View>
    );
  }
  if (!stores) return <View className='pickup-stores pickup-stores--loading shimmer' />;
  if (!stores.length) return <View className='pickup-stores pickup-stores--state pickup-stores--empty'>暂无可自提的门店，请选择快递配送</View>;
  return (
    <View className='pickup-stores'>
      {stores.map((s) => (
        <View key={s.storeId} className={`pickup-store${s.storeId === storeId ? ' pickup-store--on' : ''}`} onClick={() => onStore(s.storeId)}>
          <View className='pickup-store__head'>
            <Text className='pickup-store__name'>{s.name}</Text>
            {s.distanceM !== null && <Text className='pickup-store__distance'>{formatDistance(s.distanceM)}</Text>}
          </View>
          <Text className='pickup-store__address'>{s.address}</Text>
          <Text className='pickup-store__hours'>营业时间 {s.hours}</Text>
        </View>
      ))}
    </View>
  );
}
