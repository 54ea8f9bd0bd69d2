/**
 * Campaign page: group price vs 单独购买, countdown from server time (to the start, then to the
 * end), progress 已拼 x / total, groups waiting for members, 发起拼团.
 */
import { useEffect } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { landingId } from '@common/attribution/poster-scene';
import { useMyShareToken } from '../../../hooks/use-share';
import { assetUrl } from '../../../services/http';
import { sharePath } from '../../../services/share';
import { fetchCampaignPage, groupSharePath } from '../../../services/groupbuy';
import { Price } from '../../../components/price';
import { formatCountdown } from '../../../utils/format';
import { useCountdown } from '../components/use-countdown';
import { useServerPage } from '../components/use-server-page';
import { CampaignHero } from '../components/hero';
import { ErrorState } from '../../../components/empty-state';
import { withLogin } from '../../../components/require-login';
import { url } from '../../../routes';
import '../components/page.scss';

function CampaignPage() {
  const { params } = useRouter();
  // `id` from a card, or the campaign of a guide's poster code (`scene`); 0 shows the API's error.
  const id = landingId(params) ?? 0;
  // A guide's card or poster token is kept by withLogin. My own shares carry mine.
  const myToken = useMyShareToken();
  const { page, offset, error, reload: load } = useServerPage(id, fetchCampaignPage);

  const c = page?.campaign;
  const upcoming = !!c && Date.parse(c.startAt) > Date.now() + offset;
  const ms = useCountdown(c ? (upcoming ? c.startAt : c.endAt) : null, offset);
  // At zero the start has come: read the page again (the server decides, not this timer).
  useEffect(() => {
    if (c && upcoming && ms === 0) void load();
  }, [ms === 0]); // eslint-disable-line react-hooks/exhaustive-deps

  useShareAppMessage(() => ({
    title: c ? `${c.title}，${c.groupSize}人团 ¥${(c.groupPriceFen / 100).toFixed(2)}` : '拼团秒杀',
    path: sharePath(url('groupCampaign', { id }), myToken),
    imageUrl: c?.image ? assetUrl(c.image) : undefined,
  }));

  if (error) return <ErrorState message={error} onRetry={() => void load()} />;
  if (!page || !c) return <View className='gb-page shimmer' />;

  const running = c.status === 'running' && !upcoming;
  const soldOut = c.left <= 0;
  const open = () => void Taro.navigateTo({ url: url('groupJoin', { campaignId: c.id }) });
  const join = (groupId: number) => void Taro.navigateTo({ url: groupSharePath(groupId) });

  return (
    <View className='gb-page campaign-page'>
      <CampaignHero campaign={c} />
      <View className='gb-card'>
        <View className='gb-countdown'>{upcoming ? `距开始 ${formatCountdown(ms)}` : running ? `距结束 ${formatCountdown(ms)}` : '活动已结束'}</View>
        <View className='gb-progress'>
          <Text>已拼 {c.sold} / {c.stockTotal}</Text>
          <View className='gb-progress__bar'>
            <View className='gb-progress__fill' style={{ width: `${c.stockTotal ? Math.min(100, (c.sold * 100) / c.stockTotal) : 0}%` }} />
          </View>
        </View>
      </View>
      {page.openGroups.length > 0 && (
        <View className='gb-card'>
          <View className='gb-section-title'>这些团正在等人，可直接参团</View>
          {page.openGroups.map((g) => (
            <View className='gb-group-row' key={g.id}>
              <Text className='gb-group-row__who'>{g.members.find((m) => m.leader)?.nickname ?? ''} 的团</Text>
              <Text className='gb-group-row__left'>还差 {g.seatsLeft} 人</Text>
              <View className='gb-btn gb-btn--ghost join-group' onClick={() => join(g.id)}>
                {g.mine ? '查看' : '去参团'}
              </View>
            </View>
          ))}
        </View>
      )}
      <View className='gb-bar'>
        <View className='gb-btn gb-btn--ghost' onClick={() => void Taro.navigateTo({ url: url('product', { id: c.productId }) })}>
          <Price fen={c.soloPriceFen} size='sm' />
          <Text>单独购买</Text>
        </View>
        <View className={`gb-btn open-group ${running && !soldOut ? '' : 'gb-btn--disabled'}`} onClick={running && !soldOut ? open : undefined}>
          <Price fen={c.groupPriceFen} size='sm' />
          <Text>{soldOut ? '已抢光' : running ? '发起拼团' : upcoming ? '即将开始' : '已结束'}</Text>
        </View>
      </View>
    </View>
  );
}

export default withLogin(CampaignPage, '登录后参与拼团秒杀');
