/** 会员价 on the product page: the price after the shopper's tier discount, when their tier has one. */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { memberPriceFen } from '@common/membership/rules';
import { formatFen } from '@common/money';
import { fetchMemberCard } from '../../services/points';
import { readSession } from '../../services/session';
import './index.scss';

export function MemberPrice({ fen }: { fen: number }) {
  const [tier, setTier] = useState<{ label: string; pct: number } | null>(null);
  useEffect(() => {
    if (!readSession()) return;
    fetchMemberCard()
      .then((c) => setTier({ label: c.tierLabel, pct: c.benefits.discountPct }))
      .catch(() => undefined); // a guest or a failed read simply shows no member price
  }, []);
  if (!tier || tier.pct <= 0) return null;
  return (
    <View className='member-price'>
      <Text className='member-price__tag'>会员价</Text>
      <Text className='member-price__fen'>{formatFen(memberPriceFen(fen, tier.pct))}</Text>
      <Text className='member-price__tier'>{tier.label}</Text>
    </View>
  );
}
