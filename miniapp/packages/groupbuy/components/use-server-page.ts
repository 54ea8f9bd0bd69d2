import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { messageOf } from '../../../services/http';
import { clockOffset } from '../../../services/groupbuy';

/**
 * Loads a page answer that carries `serverTime` (the page is behind withLogin), again each time the
 * page shows, and keeps the server-minus-device clock offset for the countdowns.
 */
export function useServerPage<T extends { serverTime: string }>(key: number, fetch: (key: number) => Promise<T>) {
  const [page, setPage] = useState<T | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const reload = async () => {
    try {
      const p = await fetch(key);
      setOffset(clockOffset(p.serverTime));
      setPage(p);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useEffect(() => void reload(), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  useDidShow(() => {
    if (page) void reload();
  });
  return { page, offset, error, reload };
}
