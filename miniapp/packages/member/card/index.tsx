/**
 * 我的 → 会员卡: 开卡 with the phone number (asked only here and on first use of 会员码), then
 * the card: tier, points, the masked phone, and the way to 会员码. Declining keeps online shopping
 * as it was; the card can be opened any time later.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MemberCardDto } from '@common/membership/types';
import { withLogin } from '../../../components/require-login';
import { ErrorState } from '../../../components/empty-state';
import { usePageShow } from '../../../hooks/use-page-show';
import { fetchCardStatus, openCard, type MemberCardStatusDto } from '../../../services/member-card';
import { fetchMemberCard } from '../../../services/points';
import { messageOf } from '../../../services/http';
import { formatDateCn } from '../../../utils/format';
import { toast } from '../../../utils/toast';
import { url } from '../../../routes';
import { OpenCardPanel } from '../open-card';
import '../member.scss';

interface Loaded {
  status: MemberCardStatusDto;
  card: MemberCardDto;
}

function MemberCardPage() {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () => {
    setError(null);
    Promise.all([fetchCardStatus(), fetchMemberCard()]).then(([status, card]) => setData({ status, card }), (e: unknown) => setError(messageOf(e)));
  };
  usePageShow(load);

  const open = async (code: string) => {
    setBusy(true);
    try {
      const status = await openCard(code);
      setData((d) => (d ? { ...d, status } : d));
      toast('开卡成功', 'success');
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorState message={error} onRetry={load} />;
  if (!data) return <View className='member-page shimmer' />;
  const { status, card } = data;

  return (
    <View className='member-page'>
      <View className={`member-hero member-hero--${card.tier}`}>
        <Text className='member-hero__tier'>{card.tierLabel}</Text>
        <Text className='member-hero__phone'>{status.opened ? status.maskedPhone : '未开卡'}</Text>
        <View className='member-hero__stats'>
          <View className='member-hero__stat'>
            <Text className='member-hero__value'>{card.points.balance}</Text>
            <Text className='member-hero__label'>可用积分</Text>
          </View>
          <View className='member-hero__stat'>
            <Text className='member-hero__value'>{card.growth}</Text>
            <Text className='member-hero__label'>成长值</Text>
          </View>
        </View>
      </View>

      {status.opened ? (
        <View className='member-block'>
          <Text className='member-block__line'>{status.openedAt ? `${formatDateCn(status.openedAt)} 开卡` : '已开卡'}</Text>
          <Text className='member-block__hint'>门店消费出示会员码，积分与线上通用</Text>
          <View className='member-primary member-open-code' onClick={() => void Taro.navigateTo({ url: url('memberCode') })}>
            出示会员码
          </View>
        </View>
      ) : (
        <OpenCardPanel
          title='开通会员卡'
          hint='用微信绑定的手机号开卡，门店消费出示会员码即可累积积分；手机号仅脱敏展示。'
          declinedHint='不开卡也可以正常网购和累积积分，需要时随时回来开卡。'
          busy={busy}
          onCode={(code) => void open(code)}
        />
      )}
    </View>
  );
}

export default withLogin(MemberCardPage, '登录后开通会员卡');
