/**
 * Public GET answers a CDN, the browser or the H5 build may keep for a short while: the JSON is
 * written once, its hash is the ETag, and a request whose If-None-Match still matches gets a
 * 304 with no body. The answer is the same for every caller (public routes only), so `public`.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from './context';

export interface CachePolicy {
  /** How long the shopper's own browser may answer without asking again (0: revalidate each time, a 304 when unchanged). */
  browserSeconds: number;
  /** How long a shared cache (CDN, balancer) may answer repeats for everyone; short, as stock and prices change. */
  sharedSeconds: number;
}

export function sendCacheable(ctx: AppContext, payload: unknown, policy: CachePolicy): void {
  const json = JSON.stringify(payload);
  ctx.set('Cache-Control', `public, max-age=${policy.browserSeconds}, s-maxage=${policy.sharedSeconds}`);
  // Weak: equal JSON, not byte-identical transfer (a proxy may compress it).
  ctx.set('ETag', `W/"${createHash('sha1').update(json).digest('base64url')}"`);
  ctx.status = 200;
  ctx.type = 'application/json';
  ctx.body = json;
  // Koa compares If-None-Match with the ETag set above (GET/HEAD, 2xx only).
  if (ctx.fresh) ctx.status = 304;
}
