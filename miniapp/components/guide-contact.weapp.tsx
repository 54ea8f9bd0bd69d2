import { View } from '@tarojs/components';
import { type GuideCard, tapAddGuide } from '../services/guides';
import './guide-contact.scss';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      /** WeCom contact plugin (provider wx104a1a20c3f81ec2), declared in the page's usingComponents. */
      cell: { plugid: string; onStartmessage?: () => void; onCompletemessage?: (e: { detail?: { errcode?: number } }) => void };
    }
  }
}

export function GuideContact({ guide }: { guide: GuideCard }) {
  if (!guide.contactConfigId) return <View className='guide-contact guide-contact--none'>导购暂未开通企业微信</View>;
  return (
    <View className='guide-contact'>
      <cell plugid={guide.contactConfigId} onStartmessage={() => void tapAddGuide(guide.id).catch(() => undefined)} />
    </View>
  );
}
