/** The line under a paged list: loading, more, end of list, or a retry link after an error. */
import { Text, View } from '@tarojs/components';
import type { ListStatus } from '../../hooks/usePaged';

interface ListFooterProps {
  status: ListStatus;
  hasMore: boolean;
  count: number;
  error: string | null;
  onRetry: () => void;
  /** Also offered as a tap target: a short first page may not fill the screen to scroll. */
  onLoadMore: () => void;
}

export function ListFooter({ status, hasMore, count, error, onRetry, onLoadMore }: ListFooterProps) {
  if (status === 'error') {
    return (
      <View className='list-footer'>
        <Text>{error}</Text>
        <Text className='error-retry' onClick={onRetry}>
          点击重试
        </Text>
      </View>
    );
  }
  if (status === 'loading' || status === 'more') return <View className='list-footer'>加载中…</View>;
  if (count > 0 && hasMore) {
    return (
      <View className='list-footer' onClick={onLoadMore}>
        上拉加载更多
      </View>
    );
  }
  if (count > 0 && !hasMore) return <View className='list-footer'>— 已经到底啦 —</View>;
  return null;
}
