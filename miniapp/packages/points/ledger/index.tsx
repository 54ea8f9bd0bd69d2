/** 积分明细: available, pending, expiring soon and debt at the top; the member's entries below, paged. */
import { useCallback, useRef, useState } from 'react';
import { useDidShow, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PointsEntryDto, PointsSummaryDto } from '@common/membership/types';
import { fetchLedger } from '../../../services/points';
import { messageOf } from '../../../services/http';
import { formatDateTimeCn } from '../../../utils/format';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState } from '../../../components/empty-state';
import { entryFigure, KIND_LABEL } from './entry-view';
import './index.scss';

const PAGE_SIZE = 20;

export default function PointsLedgerPage() {
  const [summary, setSummary] = useState<PointsSummaryDto | null>(null);
  const [items, setItems] = useState<PointsEntryDto[]>([]);
  const [status, setStatus] = useState<'loading' | 'more' | 'done' | 'error'>('loading');
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const page = useRef(0);

  const load = useCallback(async (next: number) => {
    setStatus(next === 1 ? 'loading' : 'more');
    try {
      const r = await fetchLedger(next, PAGE_SIZE);
      page.current = r.page;
      setSummary(r.summary);
      setItems((prev) => (next === 1 ? r.items : [...prev, ...r.items]));
      setHasMore(r.hasMore);
      setStatus('done');
    } catch (e) {
      setError(messageOf(e));
      setStatus('error');
    }
  }, []);

  useDidShow(() => void load(1));
  useReachBottom(() => {
    if (status === 'done' && hasMore) void load(page.current + 1);
  });

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
        {status === 'done' && items.length === 0 && <EmptyState title='还没有积分记录' description='签到、购物都能获得积分' />}
        {(items.length > 0 || status === 'error') && (
          <ListFooter status={status} hasMore={hasMore} count={items.length} error={error} onRetry={() => void load(1)} onLoadMore={() => void load(page.current + 1)} />
        )}
      </View>
    </View>
  );
}
