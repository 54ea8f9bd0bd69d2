/**
 * The tier and points card on 我的: tier, growth to the next tier, benefits, points balance
 * (pending and expiring soon), entries to 签到 and 积分明细, and the one-time birthday entry.
 */
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import type { MemberCardDto } from '@common/membership/types';
import { fetchMemberCard, setBirthday } from '../../services/points';
import { messageOf } from '../../services/http';
import { readSession } from '../../services/session';
import { url } from '../../routes';
import { toast } from '../../utils/toast';
import './index.scss';

const SIGNIN = url('signin');
const LEDGER = url('pointsLedger');

const pctLabel = (pct: number) => `${(pct / 100).toFixed(pct % 100 ? 1 : 0)}倍`;

function benefitsOf(c: MemberCardDto): string[] {
  const b = c.benefits;
  const out = [`购物积分 ${pctLabel(b.pointsMultiplierPct)}`];
  if (b.discountPct > 0) out.push(`会员价 ${((100 - b.discountPct) / 10).toFixed(b.discountPct % 10 ? 1 : 0)} 折`);
  out.push(`生日月积分 ${pctLabel(b.birthdayMultiplierPct)}`);
  return out;
}

/** `signedIn` changes (login/logout) reload the card; it also reloads each time the tab shows. */
export function MemberCard({ signedIn }: { signedIn: boolean }) {
  const [card, setCard] = useState<MemberCardDto | null>(null);

  const load = () => {
    if (!readSession()) return setCard(null);
    fetchMemberCard()
      .then(setCard)
      .catch(() => undefined);
  };
  useDidShow(load);
  const [seen, setSeen] = useState(signedIn);
  if (seen !== signedIn) {
    setSeen(signedIn);
    load();
  }

  if (!signedIn || !card) return null;

  const today = new Date().toISOString().slice(0, 10);
  const chooseBirthday = async (value: string) => {
    const { confirm } = await Taro.showModal({ title: '确认生日', content: `${value}\n生日设置后不可修改`, confirmText: '确认' });
    if (!confirm) return;
    try {
      setCard(await setBirthday(value));
      toast('已保存', 'success');
    } catch (e) {
      toast(messageOf(e));
    }
  };

  return (
    <View className={`member-card member-card--${card.tier}`}>
      <View className='member-card__head'>
        <Text className='member-card__tier'>{card.tierLabel}</Text>
        <Text className='member-card__growth'>成长值 {card.growth}</Text>
      </View>
      <Text className='member-card__next'>{card.next ? `再获得 ${card.next.missing} 成长值升级${card.next.label}` : '已是最高等级'}</Text>
      <View className='member-card__benefits'>
        {benefitsOf(card).map((b) => (
          <Text key={b} className='member-card__benefit'>
            {b}
          </Text>
        ))}
      </View>
      <View className='member-card__points'>
        <View className='member-card__stat' onClick={() => void Taro.navigateTo({ url: LEDGER })}>
          <Text className='member-card__balance'>{card.points.balance}</Text>
          <Text className='member-card__label'>可用积分</Text>
        </View>
        <View className='member-card__stat' onClick={() => void Taro.navigateTo({ url: LEDGER })}>
          <Text className='member-card__pending'>{card.points.pending}</Text>
          <Text className='member-card__label'>待入账</Text>
        </View>
        <View className='member-card__signin' onClick={() => void Taro.navigateTo({ url: SIGNIN })}>
          签到
        </View>
      </View>
      {card.points.expiringSoon > 0 && (
        <Text className='member-card__expiring'>
          {card.points.expiringSoon} 积分将于 {card.points.expiringOn} 过期
        </Text>
      )}
      {card.birthday ? (
        <Text className='member-card__birthday'>生日 {card.birthday.slice(5)}{card.birthdayMonth ? ' · 本月生日积分加倍中' : ''}</Text>
      ) : (
        <Picker mode='date' value='1990-01-01' start='1900-01-01' end={today} onChange={(e) => void chooseBirthday(String(e.detail.value))}>
          <Text className='member-card__birthday member-card__birthday--set'>填写生日，生日月积分加倍 ›</Text>
        </Picker>
      )}
    </View>
  );
}
