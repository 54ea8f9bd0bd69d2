/**
 * Configuration, parsed once at boot from the environment. Nothing else reads process.env.
 * A bad or missing key stops start-up with every problem listed; production refuses the
 * development defaults (session secret, HQ password, fake WeChat).
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseLimit } from '@common/ratelimit/bucket';

export const DEV_SESSION_SECRET = 'loopmall-development-secret-do-not-use-in-prod';
export const DEV_HQ_PASSWORD = 'loopmall-admin';
export const DEV_WECOM_AES_KEY = 'LoopmallDevelopmentEncodingAesKey0123456789';
/** Master key the POS API key secrets are derived from (development only; production refuses it). */
export const DEV_POS_KEY_SECRET = 'loopmall-development-pos-key-master-do-not-use';
/** Development keys of the members' phone numbers (32 bytes each, base64); production refuses them. */
export const DEV_PHONE_KEYS = 'dev1:bG9vcG1hbGwtZGV2LXBob25lLWtleS0zMmJ5dGVzISE=';
export const DEV_PHONE_INDEX_KEY = 'loopmall-development-phone-index-key-not-for-prod';

/** `k2:<base64 32 bytes>,k1:<…>`: the first is the current key (new values), the others still decrypt. */
const phoneKeys = z.string().transform((text, ctx) => {
  const keys = text.split(',').map((part) => {
    const [id, b64, ...rest] = part.trim().split(':');
    const key = b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
    if (rest.length || !/^[A-Za-z0-9_-]{1,16}$/.test(id ?? '') || key.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'must be id:base64 pairs (id 1-16 letters, digits, _ -; key 32 bytes), comma-separated' });
    }
    return { id: id ?? '', key };
  });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'key ids must differ' });
  return keys;
});

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** A request-rate limit: `capacity/refillPerSecond` (a burst of `capacity`, then that many a second), or `off`. */
const rateLimit = (dflt: string) =>
  z
    .string()
    .default(dflt)
    .transform((text, ctx) => {
      const limit = parseLimit(text);
      if (limit) return limit;
      ctx.addIssue({ code: 'custom', message: 'must be capacity/refillPerSecond (e.g. 20/0.5) or off' });
      return z.NEVER;
    });

const mysqlUrl = z
  .string()
  .regex(/^mysql:\/\/[^\s]+$/, 'must look like mysql://user:pass@host:port/db');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: mysqlUrl.optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    // Requests waiting for a pooled connection beyond this many get an immediate 503 + Retry-After.
    DB_POOL_QUEUE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(200),
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(200).max(60_000).default(3000),
    // How long start-up keeps retrying a database it cannot reach (0: fail at the first attempt).
    DB_BOOT_RETRY_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
    SEED_DEMO: bool.default(true),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SESSION_SECRET),
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).default(7 * 24 * 3600),
    HQ_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(8 * 3600),
    HQ_ADMIN_USERNAME: z.string().regex(/^[a-z0-9_.-]{3,32}$/, 'lowercase letters, digits, _ . - (3-32)').default('admin'),
    HQ_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').default(DEV_HQ_PASSWORD),
    WECHAT_APPID: z.string().min(1).default('wx0000000000000000'),
    WECHAT_SECRET: z.string().min(1).default('loopmall-dev-wechat-secret'),
    WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
    WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(5000),
    WECHAT_FAKE: bool.optional(),
    SERVE_H5: bool.default(true),
    H5_DIR: z.string().min(1).default('dist/h5'),
    // 首页's first products server-rendered into the H5 build's index.html (platform/first-screen.ts).
    H5_FIRST_SCREEN: bool.default(true),
    // The HQ console (api/console, built by `npm run build:console`), served at /hq/.
    SERVE_CONSOLE: bool.default(true),
    CONSOLE_DIR: z.string().min(1).default('dist/console'),
    // Proxies in front of the API that append to X-Forwarded-For: the client address is the entry
    // the outermost of them added (0: no proxy, the socket's peer). Per-address limits key on it.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120000).default(10000),
    // Extra descriptors of the listening socket, each taking one new connection per event-loop
    // turn (platform/accept-lanes.ts); a cluster worker gets its connections from the primary
    // instead. 0: the socket alone.
    ACCEPT_LANES: z.coerce.number().int().min(0).max(256).default(32),
    // HTTP worker processes (node:cluster) sharing the port: 'auto' = one per core on MySQL.
    API_WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default('auto'),
    // Public catalogue answers (首页, lists, detail) kept per process at most this long, with
    // identical reads in flight coalesced; pages may show stock this much late (0: off).
    CATALOGUE_CACHE_MS: z.coerce.number().int().min(0).max(1000).default(1000),
    // Orders and their scheduled jobs.
    ORDER_PAY_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    ORDER_PAY_QUERY_AFTER_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(5),
    ORDER_AUTO_COMPLETE_DAYS: z.coerce.number().int().min(1).max(60).default(7),
    JOBS_ENABLED: bool.default(true),
    JOBS_INTERVAL_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
    // Outbox events: 'immediate' runs their handlers right after the commit, in this process (the
    // outbox job stays the safety net); 'job' leaves them to the next outbox job tick.
    OUTBOX_DISPATCH: z.enum(['immediate', 'job']).default('immediate'),
    // Shared state across instances (flash-sale admission, sold-out marks, rate limits). Optional:
    // without it every instance keeps that state in memory, as a single instance needs.
    REDIS_URL: z.string().regex(/^rediss?:\/\/[^\s]+$/, 'must look like redis://host:port/db').optional(),
    // Prefix of every key and channel this deployment uses in that Redis (several shops, or test
    // schemas, may share one server).
    REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _.:- only').default('loopmall'),
    // Request-rate limits: token buckets per member and per client address, in Redis with REDIS_URL
    // (global across instances), in memory otherwise. Each is `capacity/refillPerSecond` or `off`.
    RATE_LIMIT_ENABLED: bool.default(true),
    RATE_LIMIT_MEMBER_LOGIN_ADDRESS: rateLimit('120/2'),
    RATE_LIMIT_HQ_LOGIN_ADDRESS: rateLimit('20/0.5'),
    RATE_LIMIT_COUPON_CLAIM_MEMBER: rateLimit('20/0.5'),
    RATE_LIMIT_COUPON_CLAIM_ADDRESS: rateLimit('300/10'),
    RATE_LIMIT_ORDER_CREATE_MEMBER: rateLimit('10/0.2'),
    RATE_LIMIT_ORDER_CREATE_ADDRESS: rateLimit('300/10'),
    RATE_LIMIT_GROUPBUY_JOIN_MEMBER: rateLimit('10/0.5'),
    RATE_LIMIT_GROUPBUY_JOIN_ADDRESS: rateLimit('600/20'),
    // Payments: 'wechat' is WeChat Pay v3; 'dev' confirms at once (embedded demo, H5), refused in production.
    PAYMENT_MODE: z.enum(['wechat', 'dev']).optional(),
    WECHATPAY_API_BASE: z.url().default('https://api.mch.weixin.qq.com'),
    WECHATPAY_FAKE: bool.optional(),
    WECHATPAY_MCHID: z.string().regex(/^\d{8,12}$/, 'must be the merchant id (digits)').optional(),
    WECHATPAY_MCH_SERIAL: z.string().regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the merchant certificate serial (hex)').optional(),
    WECHATPAY_MCH_PRIVATE_KEY: z.string().min(1).optional(),
    WECHATPAY_APIV3_KEY: z.string().length(32, 'must be the 32-character APIv3 key').optional(),
    WECHATPAY_PLATFORM_CERT: z.string().min(1).optional(),
    WECHATPAY_PUBLIC_KEY: z.string().min(1).optional(),
    WECHATPAY_PUBLIC_KEY_ID: z.string().regex(/^PUB_KEY_ID_\w+$/, 'must start with PUB_KEY_ID_').optional(),
    WECHATPAY_NOTIFY_URL: z.url().optional(),
    WECHATPAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(5000),
    // Group-buy: the subscribe-message templates of the group result notices (empty: no notice sent).
    GROUPBUY_TMPL_SUCCESS: z.string().max(64).default('tmpl-group-success'),
    GROUPBUY_TMPL_FAIL: z.string().max(64).default('tmpl-group-fail'),
    // Subscribe messages (订阅消息) of the points expiry reminder and of a coupon pushed to the member (empty: none sent).
    SUBSCRIBE_TMPL_POINTS_EXPIRING: z.string().regex(/^[A-Za-z0-9_-]{0,64}$/, 'a WeChat template id (letters, digits, - and _)').default('tmpl-points-expiring'),
    SUBSCRIBE_TMPL_COUPON_PUSHED: z.string().regex(/^[A-Za-z0-9_-]{0,64}$/, 'a WeChat template id (letters, digits, - and _)').default('tmpl-coupon-pushed'),
    // WeCom customer contact (guides): the fake runs with WECHAT_FAKE.
    WECOM_CORP_ID: z.string().regex(/^ww[0-9a-zA-Z]{8,30}$/, 'must be the corp id (ww…)').default('ww0000000000000000'),
    WECOM_SECRET: z.string().min(1).default('loopmall-dev-wecom-secret'),
    WECOM_API_BASE: z.url().default('https://qyapi.weixin.qq.com'),
    WECOM_CALLBACK_TOKEN: z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'letters and digits, at most 32').default('loopmallDevToken'),
    WECOM_CALLBACK_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').default(DEV_WECOM_AES_KEY),
    WECOM_WELCOME_PIC_MEDIA_ID: z.string().min(1).max(128).default('loopmall-dev-welcome-pic'),
    // The guide's sidebar: a self-built agent (自建应用) whose page sits in the chat toolbar. Web
    // login and the JS-SDK tickets need the agent's own access token, made with its secret.
    WECOM_AGENT_ID: z.string().regex(/^\d{1,10}$/, 'must be the agent id (digits)').default('1000002'),
    WECOM_AGENT_SECRET: z.string().min(1).default('loopmall-dev-wecom-agent-secret'),
    GUIDE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(12 * 3600),
    // The POS integration: each store key's secret is HMAC(POS_KEY_SECRET, key id + salt), never stored.
    POS_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_POS_KEY_SECRET),
    // Members' phone numbers: AES-256-GCM keys (first = current) and the HMAC key of the lookup index.
    PHONE_KEYS: phoneKeys.default(phoneKeys.parse(DEV_PHONE_KEYS)),
    PHONE_INDEX_KEY: z.string().min(32, 'must be at least 32 characters').default(DEV_PHONE_INDEX_KEY),
  })
  .transform((env) => ({
    ...env,
    // The fake WeChat is the default everywhere but production, where it is refused below.
    WECHAT_FAKE: env.WECHAT_FAKE ?? env.NODE_ENV !== 'production',
    PAYMENT_MODE: env.PAYMENT_MODE ?? (env.NODE_ENV === 'production' ? ('wechat' as const) : ('dev' as const)),
    // With WeChat Pay outside production, a loopback fake with keys made at start is the default.
    WECHATPAY_FAKE: env.WECHATPAY_FAKE ?? env.NODE_ENV !== 'production',
  }))
  .transform((env) => ({ ...env, apiWorkers: workerCount(env) }))
  .superRefine((env, ctx) => {
    const refuse = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
    if (env.PAYMENT_MODE === 'wechat' && !env.WECHATPAY_FAKE) {
      // Real WeChat Pay needs the merchant's identity and one way to verify WeChat's signatures.
      for (const key of ['WECHATPAY_MCHID', 'WECHATPAY_MCH_SERIAL', 'WECHATPAY_MCH_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_NOTIFY_URL'] as const) {
        if (!env[key]) refuse(key, 'required when PAYMENT_MODE=wechat');
      }
      if (!env.WECHATPAY_PLATFORM_CERT && !(env.WECHATPAY_PUBLIC_KEY && env.WECHATPAY_PUBLIC_KEY_ID)) {
        refuse('WECHATPAY_PUBLIC_KEY', 'give WECHATPAY_PUBLIC_KEY with WECHATPAY_PUBLIC_KEY_ID, or WECHATPAY_PLATFORM_CERT');
      }
    }
    if (env.API_WORKERS !== 'auto' && env.API_WORKERS > 1) {
      if (!env.DATABASE_URL) refuse('API_WORKERS', 'the embedded database is single-process: use 1 (or auto) without DATABASE_URL');
      else if (env.PAYMENT_MODE === 'wechat' && env.WECHATPAY_FAKE) refuse('API_WORKERS', 'the fake WeChat Pay makes its keys per process: use 1 (or auto) with WECHATPAY_FAKE');
    }
    if (env.NODE_ENV !== 'production') return;
    if (env.PAYMENT_MODE === 'dev') refuse('PAYMENT_MODE', 'development payments are refused in production');
    if (env.WECHATPAY_FAKE) refuse('WECHATPAY_FAKE', 'the fake WeChat Pay server is for development and tests only');
    if (env.SESSION_SECRET === DEV_SESSION_SECRET) refuse('SESSION_SECRET', 'production needs its own secret');
    if (env.HQ_ADMIN_PASSWORD === DEV_HQ_PASSWORD) refuse('HQ_ADMIN_PASSWORD', 'production needs its own password');
    if (env.WECHAT_FAKE) refuse('WECHAT_FAKE', 'the fake WeChat server is for development and tests only');
    if (env.WECHAT_APPID === 'wx0000000000000000') refuse('WECHAT_APPID', 'production needs the real appid');
    if (env.WECHAT_SECRET === 'loopmall-dev-wechat-secret') refuse('WECHAT_SECRET', 'production needs the real secret');
    if (env.WECOM_CALLBACK_AES_KEY === DEV_WECOM_AES_KEY) refuse('WECOM_CALLBACK_AES_KEY', 'production needs its own key');
    if (env.POS_KEY_SECRET === DEV_POS_KEY_SECRET) refuse('POS_KEY_SECRET', 'production needs its own key');
    if (env.PHONE_KEYS.some((k) => DEV_PHONE_KEYS.includes(k.key.toString('base64')))) refuse('PHONE_KEYS', 'production needs its own keys');
    if (env.PHONE_INDEX_KEY === DEV_PHONE_INDEX_KEY) refuse('PHONE_INDEX_KEY', 'production needs its own key');
    if (!env.DATABASE_URL) refuse('DATABASE_URL', 'production runs on MySQL/MariaDB, not the embedded database');
  });

/** A database server on this machine: its URL names a loopback host (or a unix socket). */
function databaseIsLocal(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.searchParams.has('socketPath')) return true;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

/**
 * How many HTTP worker processes to run. The embedded database is one file behind one
 * connection, so it stays single-process; so does the fake WeChat Pay, whose merchant keys are
 * made per process (a notification could reach a worker holding other keys).
 * `auto` is one per core, less one when the database server runs on this machine: it needs a
 * core of its own, and workers that fight it for the cores each spend more CPU per request
 * (bench:orders on 2 cores: 1.7 ms of API CPU per order with one worker, 2.9 ms with two).
 */
function workerCount(env: { API_WORKERS: 'auto' | number; DATABASE_URL?: string; PAYMENT_MODE: string; WECHATPAY_FAKE: boolean }): number {
  if (env.API_WORKERS !== 'auto') return env.API_WORKERS;
  if (!env.DATABASE_URL || (env.PAYMENT_MODE === 'wechat' && env.WECHATPAY_FAKE)) return 1;
  const cores = os.availableParallelism();
  return databaseIsLocal(env.DATABASE_URL) ? Math.max(1, cores - 1) : cores;
}

export type Config = z.infer<typeof schema> & { dataDir: string; h5Dir: string; consoleDir: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  // Treat empty strings as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return {
    ...parsed.data,
    dataDir: path.resolve(cwd, parsed.data.DATA_DIR),
    h5Dir: path.resolve(cwd, parsed.data.H5_DIR),
    consoleDir: path.resolve(cwd, parsed.data.CONSOLE_DIR),
  };
}
