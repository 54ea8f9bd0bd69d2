import Taro from '@tarojs/taro';

export function keepScreenBright(): () => void {
  let previous: number | null = null;
  let undone = false;
  void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  Taro.getScreenBrightness()
    .then(({ value }) => {
      if (undone) return;
      previous = value;
      return Taro.setScreenBrightness({ value: 1 });
    })
    .catch(() => undefined);
  return () => {
    undone = true;
    void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    if (previous !== null) void Taro.setScreenBrightness({ value: previous }).catch(() => undefined);
  };
}
