import { Image, Text, View } from '@tarojs/components';
import type { CampaignDto } from '@common/groupbuy/types';
import { assetUrl } from '../../../services/http';
import { Price } from '../../../components/price';
import { formatFen } from '@common/money';

/** Picture, title, and the group price against the 单独购买 price. */
export function CampaignHero({ campaign: c }: { campaign: CampaignDto }) {
  return (
    <View className='gb-card gb-hero'>
      <Image className='gb-hero__image' src={assetUrl(c.image)} mode='aspectFill' />
      <View className='gb-hero__body'>
        <Text className='gb-hero__title'>{c.title}</Text>
        <Text className='gb-hero__spec'>{c.specLabel}</Text>
        <View className='gb-prices'>
          <Text className='gb-prices__tag'>{c.groupSize}人团</Text>
          <Price fen={c.groupPriceFen} size='lg' />
          <Text className='gb-prices__solo'>单独购买 {formatFen(c.soloPriceFen)}</Text>
        </View>
      </View>
    </View>
  );
}
