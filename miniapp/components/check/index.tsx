/** A round check mark (cart lines, select-all, 设为默认): ours, so it looks the same everywhere. */
import { View } from '@tarojs/components';
import './index.scss';

interface CheckProps {
  checked: boolean;
  disabled?: boolean;
  className?: string;
  onChange?: (next: boolean) => void;
}

export function Check({ checked, disabled = false, className = '', onChange }: CheckProps) {
  const cls = `check${checked ? ' check--on' : ''}${disabled ? ' check--disabled' : ''} ${className}`;
  return (
    <View
      className={cls}
      onClick={(e) => {
        e.stopPropagation();
        if (!disabled) onChange?.(!checked);
      }}
    />
  );
}
