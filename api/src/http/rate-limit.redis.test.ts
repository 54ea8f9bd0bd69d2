/**
 * Request-rate limits in a real Redis (TEST_REDIS_URL): the Lua script decides as the pure rule
 * does; two instances share one budget per address; and with Redis gone mid-burst every request
 * is still answered, counted in memory, until Redis answers again. Each test has its own key prefix.
 */
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { ERROR_MESSAGES } from '@common/errors';
import type { BucketLimit } from '@common/ratelimit/bucket';
import { FaultProxy } from '../../test/fault-proxy';
import { startTestApp, TEST_REDIS_URL, type TestApp } from '../../test/harness';
import { MemoryBuckets, RedisBuckets } from '../platform/rate-limit-store';

const prefix = () => `lmtest-${randomBytes(4).toString('hex')}`;
/** The rate-limit keys of an app started with REDIS_PREFIX `p`. */
const rl = (p: string) => `${p}:rl:`;

describe('request-rate limits in Redis', () => {
  let redis: Redis;
  const apps: TestApp[] = [];
  let clock = Date.now();
  const now = () => new Date(clock);

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await redis.quit();
  });
  const keysUnder = (p: string) => redis.keys(`${p}*`);
  /** Until the app's Redis client is connected (until then, as at any boot, it counts in memory). */
  const redisReadyIn = async (app: TestApp, ms = 5000) => {
    for (let waited = 0; app.services.redis!.status !== 'ready' && waited < ms; waited += 50) await new Promise((r) => setTimeout(r, 50));
    return app.services.redis!.status === 'ready';
  };
  const login = (app: TestApp, ip: string) =>
    app.api.call('POST', '/api/auth/wechat-login', { body: { code: app.fakeWechat!.mintCode(`o_rr_${randomBytes(6).toString('hex')}`) }, headers: { 'x-forwarded-for': ip } });

  it('decides as the pure rule does, step for step', async () => {
    const p = prefix();
    const shared = new RedisBuckets(redis);
    const local = new MemoryBuckets();
    const limits: BucketLimit[] = [
      { capacity: 3, refillPerSecond: 2 },
      { capacity: 5, refillPerSecond: 0.5 },
    ];
    // A fixed pseudo-random walk: bursts, pauses, and requests that touch one bucket or both.
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let t = 1_700_000_000_000;
    const decisions: string[][] = [[], []];
    for (let i = 0; i < 200; i++) {
      t += rand() < 0.7 ? 0 : Math.floor(rand() * 1500);
      const refs = (rand() < 0.5 ? [0, 1] : [0]).map((k) => ({ key: `${p}k${k}`, limit: limits[k] }));
      const a = await shared.take(refs, t);
      const b = local.take(refs, t);
      decisions[0].push(JSON.stringify(a));
      decisions[1].push(JSON.stringify(b));
    }
    expect(decisions[0]).toEqual(decisions[1]);
    expect(decisions[0].filter((d) => d.includes('false')).length).toBeGreaterThan(20);
    // Keys expire once their bucket would be full again.
    const ttl = await redis.pttl(`${p}k1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(Math.ceil((5 * 1000) / 0.5) + 1000);
  });

  it('shares one budget per address between two instances', async () => {
    const p = prefix();
    const env = { REDIS_URL: TEST_REDIS_URL, RATE_LIMIT_ENABLED: 'true', REDIS_PREFIX: p, RATE_LIMIT_MEMBER_LOGIN_ADDRESS: '4/1' };
    const [one, two] = await Promise.all([startTestApp(env, { now }), startTestApp(env, { now })]);
    apps.push(one, two);
    expect(await redisReadyIn(one)).toBe(true);
    expect(await redisReadyIn(two)).toBe(true);
    // Alternating between the instances: 4 in all pass, not 4 on each.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login(i % 2 ? two : one, '203.0.113.40')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
    const refused = await login(two, '203.0.113.40');
    expect(refused.body.message).toBe(ERROR_MESSAGES.RATE_LIMITED);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await keysUnder(p)).toEqual([`${rl(p)}memberLogin:a:203.0.113.40`]);
    // Another address has its own bucket; time refills the first.
    expect((await login(one, '203.0.113.41')).status).toBe(200);
    clock += 1000;
    expect((await login(two, '203.0.113.40')).status).toBe(200);
    expect((await login(one, '203.0.113.40')).status).toBe(429);
    // Both instances counted in Redis, none in memory.
    expect(one.services.rateLimits.store.memory.size + two.services.rateLimits.store.memory.size).toBe(0);
  });

  it('falls back to memory when Redis goes away mid-burst, and back to Redis when it returns', async () => {
    const p = prefix();
    const target = new URL(TEST_REDIS_URL);
    const proxy = new FaultProxy(target.hostname, Number(target.port || 6379));
    const port = await proxy.start();
    let app: TestApp | undefined;
    try {
      const url = new URL(TEST_REDIS_URL);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      app = await startTestApp({ REDIS_URL: url.toString(), RATE_LIMIT_ENABLED: 'true', REDIS_PREFIX: p, RATE_LIMIT_MEMBER_LOGIN_ADDRESS: '3/1' }, { now });
      const running = app;
      expect(await redisReadyIn(running)).toBe(true);
      expect((await login(running, '198.51.100.20')).status).toBe(200);
      expect(await keysUnder(p)).toHaveLength(1);

      // Connections reset, new ones refused: a burst is still answered, and still limited, in memory.
      proxy.breakAll();
      const burst = await Promise.all(Array.from({ length: 6 }, () => login(running, '198.51.100.21')));
      expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429, 429]);
      expect(running.services.rateLimits.store.memory.size).toBeGreaterThan(0);

      // Redis is back: the next requests are counted there again.
      proxy.heal();
      expect(await redisReadyIn(running)).toBe(true);
      expect((await login(running, '198.51.100.22')).status).toBe(200);
      // (The first address's key may have expired by now: keys live in real time, the app's clock is the test's.)
      const keys = await keysUnder(p);
      expect(keys).toContain(`${rl(p)}memberLogin:a:198.51.100.22`);
      expect(keys).not.toContain(`${rl(p)}memberLogin:a:198.51.100.21`);
    } finally {
      // Cut the link before the app closes: a QUIT whose close comes from Redis's side is not passed
      // back through the proxy, and the client's socket would keep jest alive.
      proxy.breakAll();
      await app?.close();
      await proxy.stop();
    }
  });
});
