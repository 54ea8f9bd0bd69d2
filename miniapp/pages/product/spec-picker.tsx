/**
 * The 规格 section: one row per spec dimension, each value a chip. Availability comes from
 * pickSku() (common/catalogue/sku.ts), so a value that cannot lead to a buyable SKU is disabled.
 */
import { Text, View } from '@tarojs/components';
import type { SkuSpecs, SpecDef } from '@common/catalogue/types';

interface SpecPickerProps {
  specs: SpecDef[];
  selected: SkuSpecs;
  available: Record<string, Set<string>>;
  onChange: (next: SkuSpecs) => void;
}

export function SpecPicker({ specs, selected, available, onChange }: SpecPickerProps) {
  // Tapping the picked value again clears it, except where it is the only value there is.
  const toggle = (def: SpecDef, value: string) => {
    const next = { ...selected };
    if (next[def.name] === value) {
      if (def.values.length === 1) return;
      delete next[def.name];
    } else {
      next[def.name] = value;
    }
    onChange(next);
  };
  return (
    <View className='spec-picker'>
      {specs.map((def) => (
        <View key={def.name} className='spec-group'>
          <Text className='spec-group__name'>{def.name}</Text>
          <View className='spec-group__values'>
            {def.values.map((value) => {
              const active = selected[def.name] === value;
              const disabled = !active && !available[def.name]?.has(value);
              const cls = `spec-value${active ? ' spec-value--active' : ''}${disabled ? ' spec-value--disabled' : ''}`;
              return (
                <View key={value} className={cls} onClick={() => !disabled && toggle(def, value)}>
                  {value}
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
