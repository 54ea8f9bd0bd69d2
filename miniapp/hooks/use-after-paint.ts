/**
 * True once `ready` has been true for one painted frame: what a page shows only after its first
 * screen (首页's flash-sale strip, 新人礼 popup and banner carousel wait for the first products).
 * On a slow phone their requests, timers and rendering would otherwise compete with the first
 * screen for the network and the CPU. It never turns false again.
 */
import { useEffect, useState } from 'react';

/** Next frame, then a macrotask: the browser has painted the frame by then. */
function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

export function useAfterPaint(ready: boolean): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!ready || done) return;
    return afterPaint(() => setDone(true));
  }, [ready, done]);
  return done;
}
