import { Image, Text, View } from '@tarojs/components';
import { type GuideCard, tapAddGuide } from '../services/guides';
import './guide-contact.scss';

/** H5 (browser, WeCom sidebar): the contact plugin does not exist here, so the QR code is shown. */
export function GuideContact({ guide }: { guide: GuideCard }) {
  if (!guide.qrCodeUrl) return <View className='guide-contact guide-contact--none'>导购暂未开通企业微信</View>;
  return (
    <View className='guide-contact' onClick={() => void tapAddGuide(guide.id).catch(() => undefined)}>
      <Image className='guide-contact__qr' src={guide.qrCodeUrl} mode='aspectFit' />
      <Text className='guide-contact__hint'>长按识别二维码，添加导购企业微信</Text>
    </View>
  );
}
