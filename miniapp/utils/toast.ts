/** The one toast of the mini-program: a short line of text (or a ✓ for a success) over the page. */
import Taro from '@tarojs/taro';

export function toast(title: string, icon: 'none' | 'success' = 'none'): void {
  void Taro.showToast({ title, icon });
}
