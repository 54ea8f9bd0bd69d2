/** 兑换记录: what the shopper redeemed, with the points spent and whether they came back. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { fetchRedemptions } from '../../../services/pointsmall';
import { EmptyState, ErrorState } from '../../../components/empty-state';
import { withLogin } from '../../../components/require-login';
import { onePage, usePaged } from '../../../hooks/usePaged';
import { usePageShow } from '../../../hooks/use-page-show';
import { url } from '../../../routes';
import { formatDateTimeCn } from '../../../utils/format';
import { MallPrice } from '../price';
import '../index.scss';

// The route answers every redemption at once: one page.
const redemptionsPage = () => fetchRedemptions().then(onePage);

function RedemptionsPage() {
  const list = usePaged(redemptionsPage, null);
  const { items: rows, status, error } = list;
  usePageShow(() => void list.reload());

  return (
    <View className='mall-page'>
      {status === 'error' && <ErrorState message={error ?? ''} onRetry={() => void list.reload()} />}
      {status === 'loading' && rows.length === 0 && <View className='mall-records-skeleton shimmer' />}
      {status === 'done' && rows.length === 0 && <EmptyState title='还没有兑换记录' description='去积分商城逛逛吧' />}
      {rows.map((r) => (
        <View key={r.id} className='mall-record' onClick={() => r.orderId && void Taro.navigateTo({ url: url('orderDetail', { id: r.orderId }) })}>
          <View className='mall-record__main'>
            <Text className='mall-record__title'>{r.title}</Text>
            <Text className='mall-record__time'>{formatDateTimeCn(r.createdAt)}</Text>
          </View>
          <MallPrice points={r.points} cashFen={r.cashFen} />
          <Text className={`mall-record__status mall-record__status--${r.status}`}>{r.status === 'returned' ? '已退回' : r.kind === 'coupon' ? '已到账' : '已兑换'}</Text>
        </View>
      ))}
    </View>
  );
}

export default withLogin(RedemptionsPage, '登录后查看你的兑换记录');
