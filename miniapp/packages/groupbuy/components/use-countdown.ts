import { useEffect, useState } from 'react';

/**
 * Milliseconds left until `deadline`, by the server's clock: `offset` is server time minus this
 * device's time when the page loaded, so a phone set ten minutes wrong still counts correctly.
 */
export function useCountdown(deadline: string | null, offset: number): number {
  const left = () => (deadline ? Math.max(0, Date.parse(deadline) - (Date.now() + offset)) : 0);
  const [ms, setMs] = useState(left);
  useEffect(() => {
    setMs(left());
    if (!deadline) return undefined;
    const timer = setInterval(() => setMs(left()), 1000);
    return () => clearInterval(timer);
    // left() reads only deadline and offset
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deadline, offset]);
  return ms;
}
