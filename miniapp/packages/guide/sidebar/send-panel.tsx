/**
 * 发送到当前聊天: a product, a live group-buy campaign, a coupon of 领券中心, or the 新人礼 card;
 * one tap sends the mini-program card into the chat the sidebar was opened in.
 */
import { useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import type { SendTarget, SendTargetKind } from '@common/sidebar/types';
import { fetchTargets, type SendTargets } from '../../../services/sidebar';
import type { SendResult } from './send';
import { Failed, useLoad } from './parts';

const TABS: { key: SendTargetKind; label: string; empty: string }[] = [
  { key: 'product', label: '商品', empty: '没有在售的商品' },
  { key: 'campaign', label: '拼团', empty: '暂无进行中的拼团活动' },
  { key: 'coupon', label: '优惠券', empty: '领券中心暂无可领的券' },
  { key: 'newcomer', label: '新人礼', empty: '总部尚未配置新人礼' },
];

function listOf(t: SendTargets, kind: SendTargetKind): SendTarget[] {
  if (kind === 'product') return t.products;
  if (kind === 'campaign') return t.campaigns;
  if (kind === 'coupon') return t.coupons;
  return t.newcomer ? [t.newcomer] : [];
}

export function SendPanel({ send, busyKey, lastError }: { send: (t: SendTarget) => void; busyKey: string | null; lastError: Extract<SendResult, { ok: false }> | null }) {
  const [tab, setTab] = useState<SendTargetKind>('product');
  const [q, setQ] = useState('');
  // The search runs when confirmed: `searched` is the query the list shows.
  const [searched, setSearched] = useState('');
  const [targets, load] = useLoad(() => fetchTargets(searched.trim() || undefined), searched);

  const current = TABS.find((t) => t.key === tab)!;
  return (
    <View className='sb-card sb-send'>
      <Text className='sb-block__title'>发送到当前聊天</Text>
      <View className='sb-tabs'>
        {TABS.map((t) => (
          <Text key={t.key} className={`sb-tab sb-tab--${t.key}${t.key === tab ? ' sb-tab--active' : ''}`} onClick={() => setTab(t.key)}>
            {t.label}
          </Text>
        ))}
      </View>
      {lastError && !lastError.cancelled && (
        <View className='sb-send__error'>
          <Text className='sb-send__error-message'>{lastError.message}</Text>
          {lastError.detail && <Text className='sb-failed__detail'>{lastError.detail}</Text>}
        </View>
      )}
      {tab === 'product' && (
        <Input className='sb-search' value={q} placeholder='搜索商品名称' confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={() => (q === searched ? load() : setSearched(q))} />
      )}
      {targets.kind === 'loading' && <View className='sb-skeleton sb-skeleton--list' />}
      {targets.kind === 'error' && <Failed message={targets.message} onRetry={load} />}
      {targets.kind === 'ok' && listOf(targets.data, tab).length === 0 && <Text className='sb-empty'>{searched && tab === 'product' ? '没有找到相关商品' : current.empty}</Text>}
      {targets.kind === 'ok' &&
        listOf(targets.data, tab).map((t) => {
          const key = `${t.kind}:${t.id ?? ''}`;
          return (
            <View key={key} className={`sb-target sb-target--${t.kind}`}>
              <Image className='sb-target__cover' src={t.imgUrl} mode='aspectFill' lazyLoad />
              <View className='sb-target__info'>
                <Text className='sb-target__title'>{t.title}</Text>
                <Text className='sb-target__subtitle'>{t.subtitle}</Text>
              </View>
              <View className={`sb-button sb-button--small sb-target__send${busyKey === key ? ' sb-button--busy' : ''}`} onClick={() => busyKey === null && send(t)}>
                {busyKey === key ? '发送中' : '发送'}
              </View>
            </View>
          );
        })}
    </View>
  );
}
