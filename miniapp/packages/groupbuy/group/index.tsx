/**
 * Group page (the share card opens here): the real members, seats left, the countdown from
 * server time, and what the caller may do: join, invite (share card or poster), or — for a full
 * or finished group — open a new one.
 */
import { useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button, Image, View } from '@tarojs/components';
import { useMyShareToken } from '../../../hooks/use-share';
import { assetUrl, messageOf } from '../../../services/http';
import { fetchGroupPage, fetchGroupPoster, groupIdFrom, groupSharePath } from '../../../services/groupbuy';
import { withLogin } from '../../../components/require-login';
import { url } from '../../../routes';
import { formatCountdown } from '../../../utils/format';
import { toast } from '../../../utils/toast';
import { useCountdown } from '../components/use-countdown';
import { useServerPage } from '../components/use-server-page';
import { GroupMembers } from '../components/members';
import { CampaignHero } from '../components/hero';
import { ErrorState } from '../../../components/empty-state';
import '../components/page.scss';

function GroupPage() {
  const { params } = useRouter();
  const { id } = groupIdFrom(params);
  // A card's token is kept by withLogin; when I share this group, the card carries my token.
  const myToken = useMyShareToken();
  const { page, offset, error, reload } = useServerPage(id, fetchGroupPage);
  const [poster, setPoster] = useState<string | null>(null);
  const g = page?.group;
  const ms = useCountdown(g && g.status === 'open' ? g.expiresAt : null, offset);

  useShareAppMessage(() => ({
    title: page ? `还差${g!.seatsLeft}人，¥${(page.campaign.groupPriceFen / 100).toFixed(2)}拼${page.campaign.title}` : '一起拼团',
    path: groupSharePath(id, myToken),
    imageUrl: page?.campaign.image ? assetUrl(page.campaign.image) : undefined,
  }));

  if (error) return <ErrorState message={error} onRetry={() => void reload()} />;
  if (!page || !g) return <View className='gb-page shimmer' />;
  const c = page.campaign;

  const joinUrl = (groupId?: number) => url('groupJoin', { campaignId: c.id, groupId });
  const makePoster = async () => {
    try {
      setPoster((await fetchGroupPoster(id)).image);
    } catch (e) {
      toast(messageOf(e));
    }
  };

  const status =
    g.status === 'succeeded' ? '拼团成功' : g.status === 'failed' ? '拼团失败，已支付的款项将原路退回' : g.seatsLeft > 0 ? `还差 ${g.seatsLeft} 人成团` : '已满员，等待成员支付';

  return (
    <View className='gb-page group-page'>
      <CampaignHero campaign={c} />
      <View className='gb-card'>
        <View className={`gb-status group-status ${g.status === 'failed' ? 'gb-status--failed' : ''}`}>{status}</View>
        {g.status === 'open' && <View className='gb-countdown gb-note'>剩余 {formatCountdown(ms)}</View>}
        <View className='gb-note group-no'>团号 {g.id}</View>
        <GroupMembers group={g} />
        {page.offerNewGroup && <View className='gb-note group-offer'>{g.status === 'open' && g.seatsLeft === 0 ? '这个团已经满员了' : '这个团已结束'}，你可以开一个新团</View>}
        {poster && <Image className='gb-poster' src={poster} mode='aspectFit' />}
      </View>
      <View className='gb-bar'>
        {page.canJoin && (
          <View className='gb-btn join-this' onClick={() => void Taro.navigateTo({ url: joinUrl(g.id) })}>
            参与拼团
          </View>
        )}
        {page.offerNewGroup && (
          <View className='gb-btn open-new' onClick={() => void Taro.navigateTo({ url: joinUrl() })}>
            开一个新团
          </View>
        )}
        {g.mine && g.status === 'open' && (
          <>
            <Button className='gb-btn invite' openType='share'>
              邀请好友
            </Button>
            <View className='gb-btn gb-btn--ghost make-poster' onClick={() => void makePoster()}>
              生成海报
            </View>
          </>
        )}
        {page.myOrderId && (
          <View className='gb-btn gb-btn--ghost my-order' onClick={() => void Taro.navigateTo({ url: url('orderDetail', { id: page.myOrderId! }) })}>
            查看订单
          </View>
        )}
      </View>
    </View>
  );
}

export default withLogin(GroupPage, '登录后查看拼团进度、参与拼团');
