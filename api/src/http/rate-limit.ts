/**
 * Request-rate limits of the routes a script would hammer: member login, coupon claim, order
 * creation, group-buy join and HQ login. A route names its limit in its declaration
 * (`rateLimit: 'orderCreate'`); the router runs `check` after authentication, so a request spends
 * a token from its member's bucket (when signed in) and from its address's (the client IP as Koa
 * sees it behind the proxy), or from neither. Over the limit: 429 RATE_LIMITED with Retry-After.
 * Limits come from RATE_LIMIT_* (config.ts); the buckets live in Redis or in memory
 * (platform/rate-limit-store.ts).
 */
import type { BucketLimit } from '@common/ratelimit/bucket';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { BucketStore, type BucketRef } from '../platform/rate-limit-store';
import type { Redis } from '../platform/redis';
import { AppError } from './app-error';
import type { AppContext } from './context';

export type RateLimitRoute = 'memberLogin' | 'hqLogin' | 'couponClaim' | 'orderCreate' | 'groupbuyJoin';

type Limit = BucketLimit | 'off';
export interface RouteLimits {
  member: Limit;
  address: Limit;
}

/** Each route's limits from the configuration; a login has no member yet, so only its address counts. */
export function routeLimits(config: Config): Record<RateLimitRoute, RouteLimits> {
  return {
    memberLogin: { member: 'off', address: config.RATE_LIMIT_MEMBER_LOGIN_ADDRESS },
    hqLogin: { member: 'off', address: config.RATE_LIMIT_HQ_LOGIN_ADDRESS },
    couponClaim: { member: config.RATE_LIMIT_COUPON_CLAIM_MEMBER, address: config.RATE_LIMIT_COUPON_CLAIM_ADDRESS },
    orderCreate: { member: config.RATE_LIMIT_ORDER_CREATE_MEMBER, address: config.RATE_LIMIT_ORDER_CREATE_ADDRESS },
    groupbuyJoin: { member: config.RATE_LIMIT_GROUPBUY_JOIN_MEMBER, address: config.RATE_LIMIT_GROUPBUY_JOIN_ADDRESS },
  };
}

/** 429 RATE_LIMITED; `retryAfterSeconds` goes out as Retry-After. */
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED');
  }
}

export class RateLimiter {
  readonly store: BucketStore;
  private readonly limits: Record<RateLimitRoute, RouteLimits>;

  constructor(
    private readonly config: Config,
    redis: Redis | null,
    log: Logger,
    private readonly now: () => Date,
  ) {
    this.store = new BucketStore(redis, log);
    this.limits = routeLimits(config);
  }

  /** The buckets a request to `route` takes from: its member's and its address's, as configured. */
  bucketsFor(route: RateLimitRoute, memberId: number | null, address: string): BucketRef[] {
    const { member, address: byAddress } = this.limits[route];
    const prefix = `${this.config.REDIS_PREFIX}:rl:${route}:`;
    const refs: BucketRef[] = [];
    if (member !== 'off' && memberId !== null) refs.push({ key: `${prefix}m:${memberId}`, limit: member });
    // An IPv6 address is capped to keep keys short; an empty one (a unix socket) is one address.
    if (byAddress !== 'off') refs.push({ key: `${prefix}a:${address.slice(0, 64) || '-'}`, limit: byAddress });
    return refs;
  }

  /** Takes a token for this request or throws RateLimited (Retry-After is set on the response). */
  async check(ctx: AppContext, route: RateLimitRoute): Promise<void> {
    if (!this.config.RATE_LIMIT_ENABLED) return;
    const p = ctx.state.principal;
    const refs = this.bucketsFor(route, p?.kind === 'shopper' ? p.memberId : null, ctx.ip);
    if (!refs.length) return;
    const decision = await this.store.take(refs, this.now().getTime());
    if (decision.ok) return;
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    ctx.set('Retry-After', String(seconds));
    throw new RateLimited(seconds);
  }
}
