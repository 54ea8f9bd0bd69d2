/** − n +: a quantity within [min, max]; the buttons grey out at the ends. */
import { Text, View } from '@tarojs/components';
import './index.scss';

interface StepperProps {
  value: number;
  min?: number;
  max: number;
  disabled?: boolean;
  className?: string;
  onChange: (next: number) => void;
}

export function Stepper({ value, min = 1, max, disabled = false, className = '', onChange }: StepperProps) {
  const canDown = !disabled && value > min;
  const canUp = !disabled && value < max;
  return (
    <View className={`stepper${disabled ? ' stepper--disabled' : ''} ${className}`} onClick={(e) => e.stopPropagation()}>
      <View className={`stepper__btn stepper__minus${canDown ? '' : ' stepper__btn--off'}`} onClick={() => canDown && onChange(value - 1)}>
        −
      </View>
      <Text className='stepper__value'>{value}</Text>
      <View className={`stepper__btn stepper__plus${canUp ? '' : ' stepper__btn--off'}`} onClick={() => canUp && onChange(value + 1)}>
        +
      </View>
    </View>
  );
}
