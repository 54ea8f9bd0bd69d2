/** 我的拼团: every seat the shopper took, with its group's state. */
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { GROUP_STATUS_LABELS } from '@common/groupbuy/state';
import { assetUrl } from '../../../services/http';
import { fetchMyGroups, groupSharePath } from '../../../services/groupbuy';
import { Price } from '../../../components/price';
import { EmptyState, ErrorState } from '../../../components/empty-state';
import { withLogin } from '../../../components/require-login';
import { onePage, usePaged } from '../../../hooks/usePaged';
import { usePageShow } from '../../../hooks/use-page-show';
import '../components/page.scss';

// The route answers every seat at once: one page.
const myGroupsPage = () => fetchMyGroups().then(onePage);

function MyGroupsPage() {
  const list = usePaged(myGroupsPage, null);
  const { items, status, error } = list;
  usePageShow(() => void list.reload());
  if (status === 'error') return <ErrorState message={error ?? ''} onRetry={() => void list.reload()} />;
  if (status === 'done' && items.length === 0) return <EmptyState title='还没有参加过拼团' description='去首页看看正在进行的拼团吧' />;
  if (items.length === 0) return <View className='gb-page shimmer' />;
  return (
    <View className='gb-page my-groups'>
      {items.map((it) => (
        <View className='gb-card gb-hero my-group' key={it.orderId} onClick={() => void Taro.navigateTo({ url: groupSharePath(it.group.id) })}>
          <Image className='gb-hero__image' src={assetUrl(it.campaign.image)} mode='aspectFill' />
          <View className='gb-hero__body'>
            <Text className='gb-hero__title'>{it.campaign.title}</Text>
            <Price fen={it.campaign.groupPriceFen} />
            <Text className='gb-note'>
              {GROUP_STATUS_LABELS[it.group.status]} · {it.group.seatsPaid}/{it.group.size} 人已支付
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}

export default withLogin(MyGroupsPage, '登录后查看你参加的拼团');
