/**
 * Thin routes: each is declared once with its auth rule and zod schemas. The same declaration
 * builds the Koa middleware chain (authenticate -> validate -> handler) and the OpenAPI document,
 * so the docs cannot drift from what the server enforces.
 */
import type { Readable } from 'node:stream';
import type { z, ZodType } from 'zod';
import type { HqRole } from '@common/auth/types';
import { PreparedAnswer, sendCacheable, type CachePolicy } from './cacheable';
import type { AppContext } from './context';
import type { RateLimitRoute } from './rate-limit';
import { RouteTable } from './route-table';
import { parseOrThrow } from './validate';

/** `guide`: a guide's WeCom sidebar session (auth/tokens.ts AUD_GUIDE). */
export type Access = 'public' | 'shopper' | 'guide' | { hq: readonly HqRole[] };

export interface RouteDef<P extends ZodType | undefined, Q extends ZodType | undefined, B extends ZodType | undefined> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  tag: string;
  summary: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Success status; 200 unless given. */
  status?: number;
  /**
   * Public GET only: answer with an ETag and Cache-Control, and 304 to a matching If-None-Match.
   * The handler may return a PreparedAnswer (already serialized, e.g. kept by a Coalescer).
   */
  cache?: CachePolicy;
  /** The media type of a file the route answers with (a FileReply), instead of the JSON envelope. */
  produces?: string;
  /**
   * HQ writes (every one is audited): the object type when the path does not say it well, and
   * how to read the object before the write, for the log's "before" value.
   */
  audit?: { objectType?: string; before?: (input: Input<P, Q, B>) => Promise<unknown> };
  /** The request-rate limit this route spends from (http/rate-limit.ts); its 429 is in the OpenAPI document. */
  rateLimit?: RateLimitRoute;
}

type Out<S> = S extends ZodType ? z.output<S> : undefined;
export interface Input<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

/**
 * What a handler returns when the answer's status is not the route's usual one (an
 * Idempotency-Key replay answers 200 where a create answers 201), with extra headers.
 */
export class Reply<T = unknown> {
  constructor(
    readonly data: T,
    readonly status: number,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** A file answer (an export): streamed as it is made, saved under `filename` by the browser. */
export class FileReply {
  constructor(
    readonly body: Readable,
    readonly contentType: string,
    readonly filename: string,
  ) {}
}

/** Checks the caller against a route's access rule; provided by the auth module. */
export type Authenticator = (ctx: AppContext, access: Access) => Promise<void>;

/** Takes a token of a route's rate limit or throws (429); provided by the app (http/rate-limit.ts). */
export type RouteLimiter = (ctx: AppContext, route: RateLimitRoute) => Promise<void>;

export type AnyRouteDef = RouteDef<ZodType | undefined, ZodType | undefined, ZodType | undefined>;

/**
 * Wraps every HQ write (access HQ, method not GET) once, centrally: it may read the object before
 * `run`, and records who changed what after it succeeds (the audit module provides it).
 */
export type Auditor = (ctx: AppContext, def: AnyRouteDef, input: Input<unknown, unknown, unknown>, run: () => Promise<unknown>) => Promise<unknown>;

/** Whether a route is an HQ write, the kind every one of which the audit log records. */
export const isHqWrite = (def: Pick<AnyRouteDef, 'method' | 'access'>): boolean => def.method !== 'get' && typeof def.access === 'object';

export class ApiRouter {
  readonly router = new RouteTable();
  readonly defs: AnyRouteDef[] = [];

  constructor(
    private readonly authenticate: Authenticator,
    private readonly audit: Auditor | null = null,
    private readonly limit: RouteLimiter | null = null,
  ) {}

  route<P extends ZodType | undefined, Q extends ZodType | undefined, B extends ZodType | undefined>(
    def: RouteDef<P, Q, B>,
    handler: (ctx: AppContext, input: Input<P, Q, B>) => Promise<unknown>,
  ): void {
    if (def.cache && (def.method !== 'get' || def.access !== 'public')) throw new Error(`${def.path}: only public GET routes may be cached`);
    this.defs.push(def as AnyRouteDef);
    this.router[def.method](def.path, async (ctx: AppContext) => {
      await this.authenticate(ctx, def.access);
      // After authentication, so a signed-in caller spends from its member's bucket too.
      if (def.rateLimit && this.limit) await this.limit(ctx, def.rateLimit);
      const input = {
        params: def.params ? parseOrThrow(def.params, ctx.params, 'params') : undefined,
        query: def.query ? parseOrThrow(def.query, ctx.query, 'query') : undefined,
        body: def.body ? parseOrThrow(def.body, ctx.request.body ?? {}, 'body') : undefined,
      } as Input<P, Q, B>;
      // The closure only for an audited write: tsx names every closure it creates (a defineProperty).
      const result = this.audit && isHqWrite(def) ? await this.audit(ctx, def as AnyRouteDef, input as Input<unknown, unknown, unknown>, () => handler(ctx, input)) : await handler(ctx, input);
      if (result instanceof FileReply) {
        ctx.status = 200;
        ctx.type = result.contentType;
        ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(result.filename)}`);
        ctx.set('Cache-Control', 'no-store');
        ctx.body = result.body;
        return;
      }
      if (def.cache && !(result instanceof Reply)) return sendCacheable(ctx, result instanceof PreparedAnswer ? result : PreparedAnswer.of(result), def.cache);
      const reply = result instanceof Reply ? result : new Reply(result, def.status ?? 200);
      ctx.status = reply.status;
      ctx.set(reply.headers);
      ctx.body = { ok: true, data: reply.data ?? null };
    });
  }
}
