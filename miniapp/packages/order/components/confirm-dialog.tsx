/** A small in-page confirm dialog (class-addressable on both platforms, unlike showModal). */
import { Text, View } from '@tarojs/components';
import './confirm-dialog.scss';

export interface ConfirmRequest {
  title: string;
  content?: string;
  okText?: string;
  onOk: () => void;
}

export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  if (!request) return null;
  return (
    <View className='confirm-dialog' catchMove>
      <View className='confirm-dialog__mask' onClick={onClose} />
      <View className='confirm-dialog__box'>
        <Text className='confirm-dialog__title'>{request.title}</Text>
        {request.content && <Text className='confirm-dialog__content'>{request.content}</Text>}
        <View className='confirm-dialog__buttons'>
          <View className='confirm-dialog__cancel' onClick={onClose}>
            再想想
          </View>
          <View
            className='confirm-dialog__ok'
            onClick={() => {
              onClose();
              request.onOk();
            }}
          >
            {request.okText ?? '确定'}
          </View>
        </View>
      </View>
    </View>
  );
}
