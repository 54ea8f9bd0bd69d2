/**
 * 确认订单 extra of the guides feature: sends the entry share token (the card the shopper came in
 * through, services/share.ts) as `shareToken`; the server's attribution contributor decides what
 * it is worth (a forged or expired token is ignored) and notes the guide it chose.
 */
import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { entryShareToken } from '../../../services/share';
import type { CheckoutExtraProps } from '../confirm/extras';

export function ShareTokenExtra({ preview, fields, setField }: CheckoutExtraProps) {
  useEffect(() => {
    const token = entryShareToken();
    if (token && fields.shareToken !== token) setField('shareToken', token);
    // once per page: the entry token does not change while 确认订单 is open
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const note = preview.notes.attribution;
  if (!note?.guideId) return null;
  return (
    <View className='confirm-guide'>
      <Text className='confirm-guide__text'>您的专属导购将为本单提供服务</Text>
    </View>
  );
}
