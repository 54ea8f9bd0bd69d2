import { fullAfterMs, parseLimit, refill, takeAll, type BucketLimit, type BucketState } from './bucket';

const limit: BucketLimit = { capacity: 3, refillPerSecond: 2 };

/** Takes from one bucket at each instant, carrying the state along as the API does. */
function run(limits: BucketLimit[], instants: number[]): { oks: boolean[]; last: BucketState[]; waits: number[] } {
  let states: (BucketState | undefined)[] = limits.map(() => undefined);
  const oks: boolean[] = [];
  const waits: number[] = [];
  for (const t of instants) {
    const r = takeAll(states, limits, t);
    states = r.states;
    oks.push(r.decision.ok);
    waits.push(r.decision.ok ? 0 : r.decision.retryAfterMs);
  }
  return { oks, last: states as BucketState[], waits };
}

describe('token bucket', () => {
  it('lets a full burst through, then refuses with the time until the next token', () => {
    const { oks, waits } = run([limit], [1000, 1000, 1000, 1000, 1100]);
    expect(oks).toEqual([true, true, true, false, false]);
    // Empty at 1000: one token takes 500 ms at 2/s; 100 ms later 400 ms remain.
    expect(waits.slice(3)).toEqual([500, 400]);
  });

  it('refills at the stated rate and never above capacity', () => {
    expect(run([limit], [0, 0, 0, 500]).oks).toEqual([true, true, true, true]);
    expect(run([limit], [0, 0, 0, 499]).oks).toEqual([true, true, true, false]);
    expect(refill({ tokens: 0, at: 0 }, limit, 60_000).tokens).toBe(3);
  });

  it('takes from every bucket or from none', () => {
    const member: BucketLimit = { capacity: 5, refillPerSecond: 1 };
    const address: BucketLimit = { capacity: 2, refillPerSecond: 1 };
    const { oks, last, waits } = run([member, address], [0, 0, 0]);
    expect(oks).toEqual([true, true, false]);
    // The address refused the third request, so the member bucket kept its token.
    expect(last[0].tokens).toBe(3);
    expect(waits[2]).toBe(1000);
  });

  it('refills nothing when the clock steps back', () => {
    const s = refill({ tokens: 1, at: 5000 }, limit, 4000);
    expect(s).toEqual({ tokens: 1, at: 5000 });
  });

  it('says when an idle bucket is full again', () => {
    expect(fullAfterMs({ tokens: 0, at: 0 }, limit)).toBe(1500);
    expect(fullAfterMs({ tokens: 3, at: 0 }, limit)).toBe(0);
  });

  it('parses capacity/refillPerSecond or off', () => {
    expect(parseLimit('20/0.5')).toEqual({ capacity: 20, refillPerSecond: 0.5 });
    expect(parseLimit(' 5 / 2 ')).toEqual({ capacity: 5, refillPerSecond: 2 });
    expect(parseLimit('off')).toBe('off');
    for (const bad of ['0/1', '5/0', '5', 'x/1', '-1/2', '5/1/2', '']) expect(parseLimit(bad)).toBeNull();
  });
});
