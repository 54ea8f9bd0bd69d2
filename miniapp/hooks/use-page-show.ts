/**
 * Runs `load` when the component mounts and again each time its page shows after being hidden
 * (back from another page). Unlike useDidShow alone, it also loads a component mounted after its
 * page was shown, as a page behind the login prompt is: Taro only calls the show hooks that were
 * registered before the page showed.
 */
import { useEffect, useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

export function usePageShow(load: () => void): void {
  const latest = useRef(load);
  latest.current = load;
  const hidden = useRef(false);

  useEffect(() => {
    latest.current();
  }, []);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return; // the first show: the mount already loaded
    hidden.current = false;
    latest.current();
  });
}
