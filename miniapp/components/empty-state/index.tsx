/** Empty / error state with our own local picture (NutUI's default picture is fetched remotely). */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Empty from '@nutui/nutui-react-taro/dist/es/packages/empty';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import emptyImage from '../../assets/empty.png';
import './index.scss';

interface EmptyStateProps {
  title: string;
  description?: string;
  className?: string;
  children?: ReactNode;
}

export function EmptyState({ title, description = '', className = '', children }: EmptyStateProps) {
  return (
    <View className={`empty-state ${className}`}>
      <Empty image={emptyImage} imageSize={120} title={title} description={description} size='base'>
        {children && <View className='empty-state__actions'>{children}</View>}
      </Empty>
    </View>
  );
}

/** A load that failed: the error copy and a 点击重试 link, the same on every page. */
export function ErrorState({ message, description, onRetry }: { message: string; description?: string; onRetry: () => void }) {
  return (
    <EmptyState title={message} description={description}>
      <Text className='error-retry' onClick={onRetry}>
        点击重试
      </Text>
    </EmptyState>
  );
}
