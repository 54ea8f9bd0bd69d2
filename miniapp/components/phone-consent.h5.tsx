import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { devPhoneCode } from '../services/member-card';
import { messageOf } from '../services/http';
import { toast } from '../utils/toast';
import './phone-consent.scss';

/**
 * H5 (development with the fake WeChat): there is no phone button in a browser, so the number is
 * typed and the fake WeChat mints the code the button would have given; opening the card then
 * goes through the real exchange. Without the fake (production) the route does not exist and
 * the H5 build cannot open a card — the mini-program is the place for it.
 */
export function PhoneConsent({ busy, label = '获取手机号开卡', onCode, onRefuse }: { busy: boolean; label?: string; onCode: (code: string) => void; onRefuse: () => void }) {
  const [phone, setPhone] = useState('');
  const [asking, setAsking] = useState(false);
  const submit = async () => {
    setAsking(true);
    try {
      onCode((await devPhoneCode(phone)).code);
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setAsking(false);
    }
  };
  return (
    <View className='phone-consent'>
      <Input className='phone-consent__input' type='number' maxlength={11} placeholder='手机号（开发环境模拟微信授权）' value={phone} onInput={(e) => setPhone(e.detail.value)} />
      <View className={`phone-consent__button${busy || asking ? ' phone-consent__button--busy' : ''}`} onClick={() => !(busy || asking) && void submit()}>
        {busy || asking ? '开卡中…' : label}
      </View>
      <Text className='phone-consent__later' onClick={onRefuse}>
        暂不开卡
      </Text>
    </View>
  );
}
