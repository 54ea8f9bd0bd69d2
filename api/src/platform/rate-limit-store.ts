/**
 * Where the request-rate limits keep their token buckets (the rule: common/ratelimit/bucket.ts).
 * - In Redis when it is configured and ready: one Lua script takes a token from every bucket of a
 *   request or from none, atomically, so several instances share one budget per member and address.
 * - In memory otherwise, and whenever Redis fails mid-request: a bounded map, least recently used
 *   first out, whose idle buckets are dropped once they are full again (as good as absent). A
 *   limit must never fail the request it guards, so a Redis error is one log line per outage.
 */
import { fullAfterMs, takeAll, type BucketLimit, type BucketState, type TakeDecision } from '@common/ratelimit/bucket';
import type { Logger } from '../logger';
import { redisReady, type Redis } from './redis';

export interface BucketRef {
  key: string;
  limit: BucketLimit;
}

/**
 * KEYS: the buckets; ARGV[1]: now (ms), then capacity and refill per second of each bucket.
 * The arithmetic of takeAll (common/ratelimit/bucket.ts): refill, refuse with the longest wait if
 * any bucket is short of a token (writing nothing: a refill is a function of the stored level, so
 * nothing is lost), else take one from each. A key expires when its bucket would be full again.
 */
const TAKE_TOKENS_LUA = `
local now = tonumber(ARGV[1])
local levels = {}
local wait = 0
for i = 1, #KEYS do
  local cap = tonumber(ARGV[2 * i])
  local rate = tonumber(ARGV[2 * i + 1])
  local s = redis.call('HMGET', KEYS[i], 't', 'at')
  local tokens = tonumber(s[1])
  local at = tonumber(s[2])
  if tokens == nil or at == nil then tokens = cap; at = now end
  if now > at then tokens = math.min(cap, tokens + (now - at) * rate / 1000); at = now end
  levels[i] = { tokens, at, cap, rate }
  if tokens < 1 then
    local w = (1 - tokens) * 1000 / rate
    if w > wait then wait = w end
  end
end
if wait > 0 then return { 0, math.ceil(wait) } end
for i = 1, #KEYS do
  local l = levels[i]
  -- %.17g: the level round-trips exactly, so Redis and memory decide to the same millisecond.
  redis.call('HSET', KEYS[i], 't', string.format('%.17g', l[1] - 1), 'at', string.format('%.17g', l[2]))
  redis.call('PEXPIRE', KEYS[i], math.ceil((l[3] - l[1] + 1) * 1000 / l[4]) + 1000)
end
return { 1, 0 }
`;

type TakeTokens = (numKeys: number, ...args: (string | number)[]) => Promise<[number, number]>;

/** The in-memory buckets: at most `maxKeys`, least recently used evicted first. */
export class MemoryBuckets {
  private readonly buckets = new Map<string, BucketState & { limit: BucketLimit }>();

  constructor(readonly maxKeys = 50_000) {}

  get size(): number {
    return this.buckets.size;
  }

  take(refs: readonly BucketRef[], nowMs: number): TakeDecision {
    const { decision, states } = takeAll(
      refs.map((r) => this.buckets.get(r.key)),
      refs.map((r) => r.limit),
      nowMs,
    );
    refs.forEach((r, i) => {
      // Delete then set: the map's order is the order of last use, oldest first.
      this.buckets.delete(r.key);
      this.buckets.set(r.key, { ...states[i], limit: r.limit });
    });
    this.evict(nowMs);
    return decision;
  }

  /** Drops idle buckets that are full again from the old end, then the oldest beyond the bound. */
  private evict(nowMs: number): void {
    for (const [key, b] of this.buckets) {
      if (this.buckets.size <= this.maxKeys && nowMs - b.at < fullAfterMs(b, b.limit)) break;
      this.buckets.delete(key);
    }
  }
}

/** The buckets in Redis; throws when Redis does (the caller falls back to memory). */
export class RedisBuckets {
  private readonly takeTokens: TakeTokens;

  constructor(readonly redis: Redis) {
    // defineCommand sends EVALSHA and loads the script on NOSCRIPT (a restarted or flushed Redis).
    redis.defineCommand('loopmallTakeTokens', { lua: TAKE_TOKENS_LUA });
    const client = redis as unknown as { loopmallTakeTokens: TakeTokens };
    this.takeTokens = (...args) => client.loopmallTakeTokens(...args);
  }

  async take(refs: readonly BucketRef[], nowMs: number): Promise<TakeDecision> {
    const args = refs.flatMap((r) => [String(r.limit.capacity), String(r.limit.refillPerSecond)]);
    const [ok, waitMs] = await this.takeTokens(refs.length, ...refs.map((r) => r.key), String(nowMs), ...args);
    return ok === 1 ? { ok: true } : { ok: false, retryAfterMs: Number(waitMs) };
  }
}

/** Redis when it is ready and answering, memory otherwise; says which one decided. */
export class BucketStore {
  readonly memory: MemoryBuckets;
  private readonly shared: RedisBuckets | null;
  private failing = false;

  constructor(
    private readonly redis: Redis | null,
    private readonly log: Logger,
    maxKeys?: number,
  ) {
    this.memory = new MemoryBuckets(maxKeys);
    this.shared = redis ? new RedisBuckets(redis) : null;
  }

  async take(refs: readonly BucketRef[], nowMs: number): Promise<TakeDecision & { store: 'redis' | 'memory' }> {
    if (this.shared && redisReady(this.redis)) {
      try {
        const decision = await this.shared.take(refs, nowMs);
        this.failing = false;
        return { ...decision, store: 'redis' };
      } catch (err) {
        // Why: a limit guards a request, it must not fail it; one line per outage, not per request.
        if (!this.failing) this.log.warn({ err: (err as Error).message }, 'rate limits: redis failed; counting in memory until it answers');
        this.failing = true;
      }
    }
    return { ...this.memory.take(refs, nowMs), store: 'memory' };
  }
}
