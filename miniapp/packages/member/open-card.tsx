/**
 * The 开卡 panel both member pages show before the card is open: why, the phone consent, and
 * after 暂不开卡 the reassurance that online shopping goes on (with the way back to 开卡 or 首页).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PhoneConsent } from '../../components/phone-consent';
import { url } from '../../routes';

export function OpenCardPanel(props: { title: string; hint: string; declinedHint: string; label?: string; busy: boolean; onCode: (code: string) => void }) {
  const [declined, setDeclined] = useState(false);
  return (
    <View className='member-block member-open'>
      <Text className='member-block__title'>{props.title}</Text>
      <Text className='member-block__hint'>{props.hint}</Text>
      {declined ? (
        <View className='member-declined'>
          <Text className='member-block__hint'>{props.declinedHint}</Text>
          <Text className='member-link' onClick={() => setDeclined(false)}>
            现在开卡
          </Text>
          <Text className='member-link' onClick={() => void Taro.switchTab({ url: url('home') })}>
            继续逛逛
          </Text>
        </View>
      ) : (
        <PhoneConsent busy={props.busy} label={props.label} onCode={props.onCode} onRefuse={() => setDeclined(true)} />
      )}
    </View>
  );
}
