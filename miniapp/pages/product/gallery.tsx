/** The product's pictures: a swiper with a 「2/5」 indicator. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import { assetUrl } from '../../services/http';

export function Gallery({ images }: { images: string[] }) {
  const [current, setCurrent] = useState(0);
  const urls = images.map(assetUrl);
  const preview = (i: number) => {
    void Taro.previewImage({ urls, current: urls[i] }).catch(() => undefined);
  };
  return (
    <View className='gallery'>
      <Swiper className='gallery__swiper' circular={urls.length > 1} onChange={(e) => setCurrent(e.detail.current)}>
        {urls.map((url, i) => (
          <SwiperItem key={`${i}-${url}`}>
            <Image className='gallery__image' src={url} mode='aspectFill' onClick={() => preview(i)} />
          </SwiperItem>
        ))}
      </Swiper>
      {urls.length > 1 && (
        <Text className='gallery__indicator'>
          {current + 1}/{urls.length}
        </Text>
      )}
    </View>
  );
}
