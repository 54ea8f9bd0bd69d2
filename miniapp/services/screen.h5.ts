/** H5: a browser cannot change brightness; the Screen Wake Lock API keeps it on where it exists. */
interface WakeLockSentinel {
  release(): Promise<void>;
}

export function keepScreenBright(): () => void {
  let lock: WakeLockSentinel | null = null;
  let undone = false;
  const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinel> } }).wakeLock;
  wakeLock
    ?.request('screen')
    .then((l) => {
      if (undone) void l.release();
      else lock = l;
    })
    .catch(() => undefined);
  return () => {
    undone = true;
    void lock?.release().catch(() => undefined);
  };
}
