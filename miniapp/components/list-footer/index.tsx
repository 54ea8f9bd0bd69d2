/** The line under a paged list (usePaged): loading, more, end of list, or a retry link after an error. */
import { Text, View } from '@tarojs/components';
import type { ListStatus } from '../../hooks/usePaged';

/** What the footer reads of a usePaged list. */
interface FooterList {
  status: ListStatus;
  hasMore: boolean;
  items: readonly unknown[];
  error: string | null;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

export function ListFooter({ list }: { list: FooterList }) {
  const { status, hasMore, error } = list;
  const count = list.items.length;
  if (status === 'error') {
    // A failed next page is asked again; a failed first page starts over.
    const retry = () => void (count ? list.loadMore() : list.reload());
    return (
      <View className='list-footer'>
        <Text>{error}</Text>
        <Text className='error-retry' onClick={retry}>
          点击重试
        </Text>
      </View>
    );
  }
  if (status === 'loading' || status === 'more') return <View className='list-footer'>加载中…</View>;
  if (count > 0 && hasMore) {
    // Also a tap target: a short first page may not fill the screen to scroll.
    return (
      <View className='list-footer' onClick={() => void list.loadMore()}>
        上拉加载更多
      </View>
    );
  }
  if (count > 0 && !hasMore) return <View className='list-footer'>— 已经到底啦 —</View>;
  return null;
}
