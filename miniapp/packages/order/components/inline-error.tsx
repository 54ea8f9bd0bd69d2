/** A part of a page that could not load (the rest of the page stands): the error and 点击重试. */
import { Text, View } from '@tarojs/components';
import './inline-error.scss';

export function InlineError({ message, onRetry, className = '' }: { message: string; onRetry: () => void; className?: string }) {
  return (
    <View className={`inline-error ${className}`}>
      <Text>{message}</Text>
      <Text className='inline-error__retry' onClick={onRetry}>点击重试</Text>
    </View>
  );
}
