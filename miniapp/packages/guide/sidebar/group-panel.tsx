/**
 * Group chat: the group's name and HQ's kind tag, its shopper members, the orders and GMV
 * attributed to cards shared in it, and this week's sign-ins and group-buy joins.
 */
import { Text, View } from '@tarojs/components';
import { formatFen } from '@common/money';
import { fetchGroup } from '../../../services/sidebar';
import { Block, Failed, useLoad } from './parts';

export function GroupPanel({ chatId }: { chatId: string }) {
  const [state, load] = useLoad(() => fetchGroup(chatId), chatId);

  if (state.kind === 'loading') return <View className='sb-card sb-skeleton' />;
  if (state.kind === 'error') return <Failed message={state.message} onRetry={load} />;
  const g = state.data;
  return (
    <View className='sb-group'>
      <View className='sb-card sb-group__head'>
        <View className='sb-profile__row'>
          <Text className='sb-group__name'>{g.name || '未命名客户群'}</Text>
          <Text className={`sb-tag sb-group__kind${g.kind ? ` sb-tag--${g.kind}` : ''}`}>{g.kindLabel ?? '未分类'}</Text>
        </View>
        <Text className='sb-line__meta sb-group__owner'>
          {g.memberCount} 人 · 群主 {g.ownerGuide?.name ?? g.ownerUserId}
        </Text>
        <View className='sb-stats'>
          <View className='sb-stat'>
            <Text className='sb-stat__value sb-group__orders'>{g.attributed.orders}</Text>
            <Text className='sb-stat__label'>群内成交单</Text>
          </View>
          <View className='sb-stat'>
            <Text className='sb-stat__value sb-group__gmv'>{formatFen(g.attributed.gmvFen)}</Text>
            <Text className='sb-stat__label'>成交额</Text>
          </View>
          <View className='sb-stat'>
            <Text className='sb-stat__value sb-group__signins'>{g.thisWeek.signins}</Text>
            <Text className='sb-stat__label'>本周签到</Text>
          </View>
          <View className='sb-stat'>
            <Text className='sb-stat__value sb-group__joins'>{g.thisWeek.groupBuyJoins}</Text>
            <Text className='sb-stat__label'>本周参团</Text>
          </View>
        </View>
      </View>
      <Block title={`群内会员（${g.shoppers.length}）`} empty={g.shoppers.length === 0 ? '群里还没有识别到会员' : null}>
        {g.shoppers.map((s) => (
          <View key={s.memberId} className='sb-line sb-group__shopper'>
            <Text className='sb-line__title'>{s.nickname}</Text>
            <Text className='sb-tag'>{s.tierLabel}</Text>
          </View>
        ))}
      </Block>
    </View>
  );
}
