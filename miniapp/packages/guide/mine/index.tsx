/** 我的 → 我的导购: the shopper's guide (or the store's default guide) and the add-on-WeCom control. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { GuideContact } from '../../../components/guide-contact';
import { fetchMyGuide, type GuideCard } from '../../../services/guides';
import { assetUrl, messageOf } from '../../../services/http';
import '../workbench/index.scss';
import './index.scss';
import { withLogin } from '../../../components/require-login';
import { usePageShow } from '../../../hooks/use-page-show';
import { ErrorState } from '../../../components/empty-state';
import { url } from '../../../routes';

function MyGuidePage() {
  const [guide, setGuide] = useState<GuideCard | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    fetchMyGuide().then(setGuide, (e: unknown) => setError(messageOf(e)));
  };
  usePageShow(load);
  if (error) return <ErrorState message={error} onRetry={load} />;
  if (guide === undefined) return <View className='guide-page shimmer' />;
  return (
    <View className='guide-page'>
      {guide ? (
        <View className='guide-block my-guide'>
          <View className='my-guide__card'>
            {guide.avatarUrl ? <Image className='my-guide__avatar' src={assetUrl(guide.avatarUrl)} /> : <View className='my-guide__avatar'>{guide.name.slice(0, 1)}</View>}
            <View className='my-guide__who'>
              <Text className='my-guide__name'>{guide.name}</Text>
              <Text className='my-guide__store'>{guide.storeName}{guide.source === 'store_default' ? ' · 门店导购' : ' · 专属导购'}</Text>
            </View>
          </View>
          <GuideContact guide={guide} />
        </View>
      ) : (
        <View className='guide-block'>
          <Text className='guide-empty'>暂无专属导购</Text>
        </View>
      )}
      <View className='my-guide__workbench' onClick={() => void Taro.navigateTo({ url: url('guideWorkbench') })}>
        我是导购，进入工作台
      </View>
    </View>
  );
}

export default withLogin(MyGuidePage, '登录后查看你的专属导购');
