import { ConfigError, loadConfig } from '../config';
import { RateLimited, RateLimiter } from '../http/rate-limit';
import type { AppContext } from '../http/context';
import { createLogger } from '../logger';
import { MemoryBuckets } from './rate-limit-store';

const limit = { capacity: 2, refillPerSecond: 1 };
const ref = (key: string) => [{ key, limit }];

describe('in-memory buckets', () => {
  it('keep at most maxKeys, dropping the least recently used', () => {
    const buckets = new MemoryBuckets(3);
    for (const key of ['a', 'b', 'c']) buckets.take(ref(key), 0);
    buckets.take(ref('a'), 0); // a is now the most recent: b goes first
    buckets.take(ref('d'), 0);
    expect(buckets.size).toBe(3);
    // a kept its spent tokens (none left); b was dropped and starts full again.
    expect(buckets.take(ref('a'), 0).ok).toBe(false);
    expect(buckets.take(ref('b'), 0).ok).toBe(true);
  });

  it('drop idle buckets once they are full again', () => {
    const buckets = new MemoryBuckets(100);
    buckets.take(ref('a'), 0);
    buckets.take(ref('b'), 500);
    // At 1000 ms, a (one token short at 0, refilling 1/s) is full; b is not yet.
    buckets.take(ref('c'), 1000);
    expect(buckets.size).toBe(2);
    buckets.take(ref('c'), 1500);
    expect(buckets.size).toBe(1);
  });
});

describe('the route limiter', () => {
  const ctx = () => {
    const headers: Record<string, string> = {};
    return { headers, ctx: { state: { principal: { kind: 'shopper', memberId: 7 } }, ip: '203.0.113.5', set: (k: string, v: string) => void (headers[k] = v) } as unknown as AppContext };
  };
  const limiter = (env: Record<string, string>, now: () => Date) => new RateLimiter(loadConfig({ NODE_ENV: 'test', RATE_LIMIT_ORDER_CREATE_MEMBER: '2/0.25', ...env }), null, createLogger('silent'), now);

  it('refuses past the member limit with Retry-After, and refills on the clock', async () => {
    let t = 1_000_000;
    const rl = limiter({}, () => new Date(t));
    const c = ctx();
    await rl.check(c.ctx, 'orderCreate');
    await rl.check(c.ctx, 'orderCreate');
    const refused = await rl.check(c.ctx, 'orderCreate').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimited);
    expect((refused as RateLimited).status).toBe(429);
    expect(c.headers['Retry-After']).toBe('4');
    t += 4000;
    await expect(rl.check(c.ctx, 'orderCreate')).resolves.toBeUndefined();
  });

  it('does nothing when the master switch is off', async () => {
    const rl = limiter({ RATE_LIMIT_ENABLED: 'false' }, () => new Date(0));
    const c = ctx();
    for (let i = 0; i < 10; i++) await rl.check(c.ctx, 'orderCreate');
    expect(c.headers['Retry-After']).toBeUndefined();
  });

  it('refuses a limit that is not capacity/refillPerSecond, naming the key', () => {
    expect(() => loadConfig({ RATE_LIMIT_ORDER_CREATE_MEMBER: 'fast' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_ORDER_CREATE_MEMBER: 'fast' })).toThrow(/RATE_LIMIT_ORDER_CREATE_MEMBER: must be capacity\/refillPerSecond/);
    expect(loadConfig({ RATE_LIMIT_ORDER_CREATE_MEMBER: 'off' }).RATE_LIMIT_ORDER_CREATE_MEMBER).toBe('off');
    expect(loadConfig({}).RATE_LIMIT_ORDER_CREATE_MEMBER).toEqual({ capacity: 10, refillPerSecond: 0.2 });
  });

  it('keys a member and an address bucket, or only the address before login', () => {
    const rl = limiter({ REDIS_PREFIX: 'p' }, () => new Date(0));
    expect(rl.bucketsFor('orderCreate', 7, '::1').map((b) => b.key)).toEqual(['p:rl:orderCreate:m:7', 'p:rl:orderCreate:a:::1']);
    expect(rl.bucketsFor('memberLogin', null, '::1').map((b) => b.key)).toEqual(['p:rl:memberLogin:a:::1']);
    expect(rl.bucketsFor('orderCreate', null, '').map((b) => b.key)).toEqual(['p:rl:orderCreate:a:-']);
  });
});
