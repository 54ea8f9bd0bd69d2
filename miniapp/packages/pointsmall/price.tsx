import { Text } from '@tarojs/components';
import { formatFen } from '@common/money';

/** "500 积分" or "500 积分 + ¥9.90". */
export function MallPrice({ points, cashFen, className = '' }: { points: number; cashFen: number; className?: string }) {
  return (
    <Text className={`mall-price ${className}`}>
      {points} 积分{cashFen > 0 ? ` + ${formatFen(cashFen)}` : ''}
    </Text>
  );
}
