/** 积分明细: available, pending, expiring soon and debt at the top; the member's entries below, paged. */
import { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { fetchLedger } from '../../../services/points';
import { formatDateTimeCn } from '../../../utils/format';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState } from '../../../components/empty-state';
import { withLogin } from '../../../components/require-login';
import { usePaged } from '../../../hooks/usePaged';
import { usePageShow } from '../../../hooks/use-page-show';
import { askSubscribe } from '../../../services/subscribe';
import { prefetchSubscribeTemplates } from '../../../services/subscribe-templates';
import { entryFigure, KIND_LABEL } from './entry-view';
import './index.scss';

const ledgerPage = (_query: null, page: number, pageSize: number) => fetchLedger(page, pageSize);

function PointsLedgerPage() {
  const list = usePaged(ledgerPage, null, 20);
  const summary = list.last?.summary ?? null;
  const { items, status } = list;
  usePageShow(() => {
    void list.reload();
    prefetchSubscribeTemplates();
  });
  useReachBottom(() => void list.loadMore());

  return (
    <View className='points-ledger-page'>
      {summary && (
        <View className='points-summary'>
          <View className='points-summary__main'>
            <Text className='points-summary__balance'>{summary.balance}</Text>
            <Text className='points-summary__label'>可用积分</Text>
          </View>
          <View className='points-summary__row'>
            <Text className='points-summary__pending'>待入账 {summary.pending}</Text>
            <Text className='points-summary__expiring'>
              {summary.expiringSoon > 0 ? `${summary.expiringSoon} 将于 ${summary.expiringOn} 过期` : '近 30 天无过期'}
            </Text>
            {summary.debt > 0 && <Text className='points-summary__debt'>欠分 {summary.debt}（后续积分优先抵还）</Text>}
          </View>
          {/* 订阅消息 exist only inside WeChat: the H5 build has nothing to ask. */}
          {process.env.TARO_ENV === 'weapp' && (
            <Text className='points-summary__subscribe' onClick={() => void askSubscribe(['pointsExpiring'])}>
              积分过期前提醒我
            </Text>
          )}
        </View>
      )}
      <View className='points-list'>
        {items.map((e) => {
          const f = entryFigure(e);
          return (
            <View key={e.id} className={`points-entry points-entry--${e.kind}`}>
              <View className='points-entry__main'>
                <Text className='points-entry__reason'>
                  <Text className='points-entry__kind'>{KIND_LABEL[e.kind]}</Text>
                  {e.reason}
                </Text>
                <Text className='points-entry__time'>{formatDateTimeCn(e.createdAt)}</Text>
              </View>
              <View className='points-entry__side'>
                <Text className={`points-entry__figure points-entry__figure--${f.tone}`}>{f.text}</Text>
                {f.tag && <Text className='points-entry__tag'>{f.tag}</Text>}
              </View>
            </View>
          );
        })}
        {status === 'loading' && items.length === 0 && <View className='points-skeleton shimmer' />}
        {status === 'done' && items.length === 0 && <EmptyState title='还没有积分记录' description='签到、购物都能获得积分' />}
        {(items.length > 0 || status === 'error') && (
          <ListFooter list={list} />
        )}
      </View>
    </View>
  );
}

export default withLogin(PointsLedgerPage, '登录后查看积分余额和明细');
