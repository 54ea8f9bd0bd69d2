/** Share-token hooks for landing pages: capture the entry token, and know my own token for shares. */
import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { captureEntry, myShareToken } from '../services/share';
import { onSessionChange } from '../services/token';

/** Keeps the token a page was opened with (card `t` or poster `scene`); once per page instance. */
export function useShareEntry(): void {
  const router = useRouter();
  useEffect(() => {
    captureEntry(router.path.split('?')[0], router.params);
    // a page instance's params never change
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/** My token for onShareAppMessage paths (null before login or when the API is unreachable). */
export function useMyShareToken(): string | null {
  const [token, setToken] = useState<string | null>(null);
  useEffect(() => {
    const load = () => void myShareToken().then(setToken);
    load();
    return onSessionChange(load);
  }, []);
  return token;
}
