/** Recent searches kept on the device (newest first, at most 10). */
import Taro from '@tarojs/taro';

const KEY = 'loopmall.search-history';
const MAX = 10;

export function readHistory(): string[] {
  try {
    const value = Taro.getStorageSync(KEY) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function pushHistory(keyword: string): string[] {
  const next = [keyword, ...readHistory().filter((k) => k !== keyword)].slice(0, MAX);
  Taro.setStorageSync(KEY, next);
  return next;
}

export function clearHistory(): void {
  Taro.removeStorageSync(KEY);
}
