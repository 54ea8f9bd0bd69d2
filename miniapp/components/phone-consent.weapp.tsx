import { Button, Text, View } from '@tarojs/components';
import './phone-consent.scss';

/** weapp: WeChat's phone button; a refusal (no code in the event) is the shopper's choice, not an error. */
export function PhoneConsent({ busy, label = '微信手机号快捷开卡', onCode, onRefuse }: { busy: boolean; label?: string; onCode: (code: string) => void; onRefuse: () => void }) {
  return (
    <View className='phone-consent'>
      <Button
        className='phone-consent__button'
        openType='getPhoneNumber'
        loading={busy}
        disabled={busy}
        onGetPhoneNumber={(e) => {
          const code = (e.detail as { code?: string }).code;
          if (code) onCode(code);
          else onRefuse();
        }}
      >
        {label}
      </Button>
      <Text className='phone-consent__later' onClick={onRefuse}>
        暂不开卡
      </Text>
    </View>
  );
}
