/** The Redis admission tests: apps sharing one Redis under a keyspace of their own, and the copy's figures. */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../config';
import type { DbTarget } from '../../db/data-source';
import { createLogger, type Logger } from '../../logger';
import { startLoopmall } from '../../server';
import { ApiClient, HQ_TEST_PASSWORD, startTestApp, TEST_REDIS_URL, type TestApp } from '../../../test/harness';

/** Env of an app on the test Redis (or `url`, a proxy in front of it), under a fresh prefix. */
export function redisEnv(prefix = `t${randomBytes(4).toString('hex')}`, url = TEST_REDIS_URL): Record<string, string> {
  return { REDIS_URL: url, REDIS_PREFIX: prefix };
}

/**
 * Two instances on one database and one Redis, as behind a load balancer: `a` owns the fresh
 * database, `b` joins it (its own pool, board, fakes). `envB` may point b elsewhere (a proxy).
 */
export async function startPair(env: Record<string, string>, opts: { envB?: Record<string, string>; log?: Logger } = {}): Promise<{ a: TestApp; b: TestApp; close(): Promise<void> }> {
  let target: DbTarget | undefined;
  const a = await startTestApp(env, { db: (t) => (target = t), log: opts.log });
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', SERVE_H5: 'false', SEED_DEMO: 'false', JOBS_ENABLED: 'false', OUTBOX_DISPATCH: 'job', HQ_ADMIN_PASSWORD: HQ_TEST_PASSWORD, ...env, ...opts.envB });
  const running = await startLoopmall(config, opts.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), { db: target! });
  const b: TestApp = { ...running, api: new ApiClient(running.url), close: () => running.stop() };
  return {
    a,
    b,
    close: async () => {
      await b.close();
      await a.close();
    },
  };
}

/** The Redis copy of a campaign: units left and one shopper's units (null: no copy). */
export async function copyOf(app: TestApp, campaignId: number, memberId?: number): Promise<{ left: number | null; mine: number; tickets: number }> {
  const redis = app.services.redis!;
  const k = `${app.services.config.REDIS_PREFIX}:gb:{${campaignId}}`;
  const left = await redis.hget(`${k}:c`, 'left');
  const mine = memberId === undefined ? null : await redis.hget(`${k}:s`, String(memberId));
  return { left: left === null ? null : Number(left), mine: Number(mine ?? 0), tickets: await redis.zcard(`${k}:t`) };
}

/** Sets the copy's units left by hand (drift, as a lost give-back would leave it). */
export async function skewCopy(app: TestApp, campaignId: number, left: number): Promise<void> {
  await app.services.redis!.hset(`${app.services.config.REDIS_PREFIX}:gb:{${campaignId}}:c`, 'left', left);
}

/** Drops this app's keys (its prefix) from the shared test Redis. */
export async function dropKeys(app: TestApp): Promise<void> {
  const redis = app.services.redis;
  if (!redis || redis.status !== 'ready') return;
  const keys = await redis.keys(`${app.services.config.REDIS_PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
}

export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
  for (const end = Date.now() + ms; ; ) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
