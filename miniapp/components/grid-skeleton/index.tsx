/**
 * Grid placeholder while the first page loads. Pure CSS shimmer: NutUI's Skeleton animates by
 * setInterval + setState, which in the mini-program means a setData per block every 1.6 s.
 */
import { View } from '@tarojs/components';
import './index.scss';

export function GridSkeleton({ cards = 4 }: { cards?: number }) {
  return (
    <View className='grid-skeleton'>
      {Array.from({ length: cards }, (_, i) => (
        <View key={i} className='grid-skeleton__card'>
          <View className='grid-skeleton__cover shimmer' />
          <View className='grid-skeleton__line shimmer' />
          <View className='grid-skeleton__line grid-skeleton__line--short shimmer' />
        </View>
      ))}
    </View>
  );
}
