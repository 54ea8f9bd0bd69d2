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

/**
 * A public answer serialized once: the envelope's JSON bytes and their ETag. A coalesced answer
 * (platform/coalesce.ts) keeps one and sends it to every caller without serializing or hashing again.
 */
export class PreparedAnswer {
  private constructor(
    readonly body: Buffer,
    readonly etag: string,
  ) {}

  static of(data: unknown): PreparedAnswer {
    const body = Buffer.from(JSON.stringify({ ok: true, data: data ?? null }));
    // Weak: equal JSON, not byte-identical transfer (a proxy may compress it).
    return new PreparedAnswer(body, `W/"${createHash('sha1').update(body).digest('base64url')}"`);
  }
}

export function sendCacheable(ctx: AppContext, answer: PreparedAnswer, policy: CachePolicy): void {
  ctx.set('Cache-Control', `public, max-age=${policy.browserSeconds}, s-maxage=${policy.sharedSeconds}`);
  ctx.set('ETag', answer.etag);
  ctx.status = 200;
  // The type before the body: a Buffer body would otherwise be sent as application/octet-stream.
  ctx.type = 'application/json';
  ctx.body = answer.body;
  // Koa compares If-None-Match with the ETag set above (GET/HEAD, 2xx only).
  if (ctx.fresh) ctx.status = 304;
}
