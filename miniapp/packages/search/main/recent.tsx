/** 「最近搜索」 chips with a clear button. Keywords render as plain text, never as markup. */
import { Text, View } from '@tarojs/components';

interface RecentSearchesProps {
  keywords: string[];
  onPick: (keyword: string) => void;
  onClear: () => void;
}

export function RecentSearches({ keywords, onPick, onClear }: RecentSearchesProps) {
  if (keywords.length === 0) return null;
  return (
    <View className='search-history'>
      <View className='search-history__head'>
        <Text className='search-history__title'>最近搜索</Text>
        <View className='search-history__clear' onClick={onClear} />
      </View>
      <View className='search-history__list'>
        {keywords.map((k) => (
          <Text key={k} className='search-history__item' onClick={() => onPick(k)}>
            {k}
          </Text>
        ))}
      </View>
    </View>
  );
}
