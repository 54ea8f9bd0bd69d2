/** A price tag: small ¥, big yuan, small cents (integer fen in, never floats). */
import { Text, View } from '@tarojs/components';
import { formatFen, splitFen } from '@common/money';
import './index.scss';

interface PriceProps {
  fen: number;
  size?: 'sm' | 'md' | 'lg';
  /** Appends 「起」: the lowest price of several SKUs. */
  from?: boolean;
  className?: string;
}

export function Price({ fen, size = 'md', from = false, className = '' }: PriceProps) {
  const { sign, yuan, cents } = splitFen(fen);
  return (
    <View className={`price price--${size} ${className}`}>
      <Text className='price__symbol'>{sign}¥</Text>
      <Text className='price__yuan'>{yuan}</Text>
      <Text className='price__cents'>.{cents}</Text>
      {from && <Text className='price__from'>起</Text>}
    </View>
  );
}

/** The struck-through 「原价」 shown only when it is higher than the price. */
export function OriginalPrice({ fen, original, className = '' }: { fen: number; original: number | null; className?: string }) {
  if (original == null || original <= fen) return null;
  return <Text className={`price-original ${className}`}>{formatFen(original)}</Text>;
}
