/**
 * Builds the Koa application from its dependencies and the module list; no I/O happens here.
 * This file names no feature: each module (api/src/modules/index.ts) registers its own services,
 * contributors, hooks, handlers, jobs and routes from its build step.
 */
import path from 'node:path';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { Transactor } from './db/transaction';
import { ApiRouter } from './http/api-router';
import { AppError, registerErrorStatus } from './http/app-error';
import type { AppState } from './http/context';
import { bodyParseError, isClientAbort } from './http/faults';
import { errorHandler, requestContext } from './http/middleware';
import { RateLimiter } from './http/rate-limit';
import { H5Index } from './http/h5-index';
import { consoleCachePolicy, h5CachePolicy, serveDir } from './http/static';
import type { Logger } from './logger';
import { MODULES } from './modules';
import { auditModule } from './modules/audit';
import { authModule } from './modules/auth';
import { Scheduler } from './modules/jobs';
import { CheckoutContributors, OrderHooks, OrderTransitions } from './modules/orders';
import { Outbox } from './modules/outbox';
import { buildOpenApi } from './openapi/openapi';
import type { Redis } from './platform/redis';
import { FirstScreen } from './platform/first-screen';
import { SoldOutBoard } from './platform/sold-out-board';
import { StoreScope } from './platform/store-scope';
import type { ApisOf, CoreServices, ModuleContext, ModuleDefinition, RouteRegistration } from './platform/module';
import { WeChatClient } from './wechat/client';
import type { FakeWeChatHandle } from './wechat/fake-wechat';
import type { FakeWeChatPay } from './wechatpay/fake-wechatpay';
import type { FakeWeCom, RemoteFakeWeCom } from './wecom/fake-wecom';

export const ASSETS_DIR = path.resolve(__dirname, '../assets');

export interface AppDeps {
  config: Config;
  log: Logger;
  ds: DataSource;
  /** The shared store of several instances (REDIS_URL); null or absent: state stays in memory. */
  redis?: Redis | null;
  /** The loopback fake WeChat, in development and tests; null when talking to the real one. */
  fakeWechat: FakeWeChatHandle | null;
  /** The loopback fake WeChat Pay (PAYMENT_MODE=wechat with WECHATPAY_FAKE); null or absent otherwise. */
  fakeWechatPay?: FakeWeChatPay | null;
  /** The loopback fake WeCom (development and tests); null or absent otherwise. */
  fakeWecom?: FakeWeCom | null;
  /** A cluster worker's view of the primary's fake WeCom; null or absent otherwise. */
  remoteFakeWecom?: RemoteFakeWeCom | null;
  now?: () => Date;
  isShuttingDown?: () => boolean;
  /** Modules appended after the standard list (tests: a sample module). */
  extraModules?: readonly ModuleDefinition<unknown>[];
}

/** The core services and every module's public API, by the names each module returns them under. */
export type Services = CoreServices & ApisOf<typeof MODULES>;

/** What building the modules gives: the services, and what the app and server apply afterwards. */
export interface Composed {
  services: Services;
  modules: readonly ModuleDefinition<unknown>[];
  routes: RouteRegistration[];
  rawBodyPaths: ReadonlySet<string>;
  listeners: ((url: string) => void | Promise<void>)[];
  /** A module's public API (tests and the server reach a module's services through it). */
  use<Api>(module: ModuleDefinition<Api>): Api;
}

function coreServices(deps: AppDeps): CoreServices {
  const now = deps.now ?? (() => new Date());
  const { config, log, ds } = deps;
  const tx = new Transactor(ds, (err) => log.error({ err }, 'after-commit callback failed'));
  const hooks = new OrderHooks();
  return {
    config,
    log,
    ds,
    redis: deps.redis ?? null,
    rateLimits: new RateLimiter(config, deps.redis ?? null, log, now),
    soldOut: new SoldOutBoard(now),
    tx,
    now,
    // Side effects after commit (points, commission, shipping upload …) go through the outbox,
    // handed to their handlers right after the commit (OUTBOX_DISPATCH), with the job as safety net.
    outbox: new Outbox(ds, tx, log, now, config.OUTBOX_DISPATCH),
    // Scheduled jobs: every module registers its own (name, run) with the one scheduler.
    scheduler: new Scheduler({ tx, log, now, intervalMs: config.JOBS_INTERVAL_MS }),
    contributors: new CheckoutContributors(),
    hooks,
    transitions: new OrderTransitions(hooks),
    wechat: new WeChatClient({
      baseUrl: deps.fakeWechat?.baseUrl ?? config.WECHAT_API_BASE,
      appid: config.WECHAT_APPID,
      secret: config.WECHAT_SECRET,
      timeoutMs: config.WECHAT_TIMEOUT_MS,
      now: () => now().getTime(),
    }),
    fakeWechat: deps.fakeWechat,
    fakeWechatPay: deps.fakeWechatPay ?? null,
    fakeWecom: deps.fakeWecom ?? null,
    remoteFakeWecom: deps.remoteFakeWecom ?? null,
    isShuttingDown: deps.isShuttingDown ?? (() => false),
    storeScope: new StoreScope(),
    firstScreen: new FirstScreen(),
  };
}

/** Builds every module in list order; each may use the APIs of those before it. */
export function createServices(deps: AppDeps): Composed {
  const core = coreServices(deps);
  const modules = [...MODULES, ...(deps.extraModules ?? [])] as readonly ModuleDefinition<unknown>[];
  const built = new Map<ModuleDefinition<unknown>, unknown>();
  const routes: RouteRegistration[] = [];
  const rawBodyPaths = new Set<string>();
  const listeners: ((url: string) => void | Promise<void>)[] = [];
  const services: Record<string, unknown> = { ...core };
  const use = <Api>(module: ModuleDefinition<Api>): Api => {
    if (!built.has(module)) throw new Error(`module ${module.name} is used before it is built: list it earlier in api/src/modules/index.ts`);
    return built.get(module) as Api;
  };
  for (const module of modules) {
    if ([...built.keys()].some((m) => m.name === module.name)) throw new Error(`module ${module.name} is listed twice`);
    const ctx: ModuleContext = {
      ...core,
      use,
      routes: (register) => void routes.push(register),
      acceptRawBody: (p) => void rawBodyPaths.add(p),
      onListening: (run) => void listeners.push(run),
    };
    registerErrorStatus(module.name, module.errors);
    const api = module.build(ctx) as Record<string, unknown>;
    built.set(module, api);
    for (const [name, value] of Object.entries(api ?? {})) {
      if (name in services) throw new Error(`module ${module.name} returns "${name}", which another module or the core already provides`);
      services[name] = value;
    }
  }
  return { services: services as unknown as Services, modules, routes, rawBodyPaths, listeners, use };
}

export function createApp(deps: AppDeps, composed: Composed = createServices(deps)): Koa<AppState> {
  const app = new Koa<AppState>();
  // The client address is what the trusted proxies say, not what the client wrote before them:
  // only the last TRUSTED_PROXY_HOPS entries of X-Forwarded-For count (per-address limits key on it).
  app.proxy = deps.config.TRUSTED_PROXY_HOPS > 0;
  app.maxIpsCount = deps.config.TRUSTED_PROXY_HOPS;
  // Errors Koa itself sees after the response started (a client gone mid-stream) are not ours.
  app.on('error', (err, ctx?: Koa.Context) => {
    if (!isClientAbort(err, ctx?.req)) deps.log.error({ err }, 'koa error');
  });

  // Every HQ write is audited once, here, by the audit module's auditor.
  const limits = composed.services.rateLimits;
  const api = new ApiRouter(composed.use(authModule).authenticator, composed.use(auditModule).auditor, (ctx, route) => limits.check(ctx, route));
  for (const register of composed.routes) register(api);
  const openapi = buildOpenApi(api.defs, '0.1.0');
  api.router.get('/openapi.json', (ctx) => {
    ctx.body = openapi;
  });

  /** Mutating requests with a body must send JSON; anything else is a 415, not a silent `{}`. */
  const requireJsonBodies: Koa.Middleware<AppState> = async (ctx, next) => {
    const hasBody = Number(ctx.get('content-length') || 0) > 0 || !!ctx.get('transfer-encoding');
    // A module's raw-body path (the WeCom callback's XML) reads its own body.
    if (['POST', 'PUT', 'PATCH'].includes(ctx.method) && hasBody && !ctx.is('json') && !composed.rawBodyPaths.has(ctx.path)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    await next();
  };

  app.use(requestContext(deps.log));
  app.use(errorHandler());
  app.use(async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    await next();
  });
  app.use(serveDir('/assets/', ASSETS_DIR, () => 'public, max-age=604800, immutable'));
  // The HQ console before the storefront, whose folder is served from the root.
  if (deps.config.SERVE_CONSOLE) {
    app.use(async (ctx, next) => (ctx.path === '/hq' ? ctx.redirect('/hq/') : next()));
    app.use(serveDir('/hq/', deps.config.consoleDir, consoleCachePolicy));
  }
  if (deps.config.SERVE_H5) {
    // index.html with 首页's first products in it (H5_FIRST_SCREEN), else the file as built.
    const index = deps.config.H5_FIRST_SCREEN ? new H5Index(path.join(deps.config.h5Dir, 'index.html'), composed.services.firstScreen, deps.log) : null;
    const storefront = serveDir('/', deps.config.h5Dir, h5CachePolicy, index ? () => index.page() : undefined);
    // No storefront file lives under /api/: an API request skips the file lookup (a stat and a
    // thrown 404 in koa-send on each request), and no file in the build can shadow an API path.
    app.use((ctx, next) => (ctx.path.startsWith('/api/') ? next() : storefront(ctx, next)));
  }
  app.use(requireJsonBodies);
  // gzip/deflate/br bodies are inflated (the 256 kB limit applies after inflating); a body that
  // is not what its Content-Encoding says is a 400, an unknown encoding a 415.
  app.use(
    bodyParser({
      enableTypes: ['json'],
      jsonLimit: '256kb',
      encoding: 'utf-8',
      onError: (err) => {
        throw bodyParseError(err);
      },
    }),
  );
  app.use(api.router.routes());
  return app;
}
