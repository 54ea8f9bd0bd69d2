/** Mini-program: the native 省/市/区 picker fills the three region fields. */
import { Picker, View } from '@tarojs/components';

export type Region = [string, string, string];

export function RegionPicker({ value, onChange }: { value: Region; onChange: (value: Region) => void }) {
  return (
    <Picker mode='region' value={value.every(Boolean) ? value : []} onChange={(e) => onChange(e.detail.value as unknown as Region)}>
      <View className='address-form__pick'>选择</View>
    </Picker>
  );
}
