/** Builds the Koa application from its dependencies; no I/O happens here. */
import path from 'node:path';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { Transactor } from './db/transaction';
import { ApiRouter } from './http/api-router';
import { AppError } from './http/app-error';
import type { AppState } from './http/context';
import { bodyParseError, isClientAbort } from './http/faults';
import { errorHandler, requestContext } from './http/middleware';
import { consoleCachePolicy, h5CachePolicy, serveDir } from './http/static';
import type { Logger } from './logger';
import { makeAuthenticator } from './modules/auth/authenticate';
import { registerAddressRoutes } from './modules/address/address.routes';
import { AddressService } from './modules/address/address.service';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { AuthService } from './modules/auth/auth.service';
import { TokenService } from './modules/auth/tokens';
import { registerCartRoutes } from './modules/cart/cart.routes';
import { CartService } from './modules/cart/cart.service';
import { CatalogueAdmin } from './modules/catalogue/catalogue.admin';
import { BannerAdmin } from './modules/catalogue/catalogue.banners';
import { DiskImageStorage } from './modules/catalogue/image-storage';
import { UPLOAD_PATH } from './modules/catalogue/catalogue.uploads';
import { registerCatalogueRoutes } from './modules/catalogue/catalogue.routes';
import { CatalogueService } from './modules/catalogue/catalogue.service';
import { registerHealth } from './modules/health/health.routes';
import { Scheduler } from './modules/jobs/scheduler';
import { cartContributor } from './modules/cart/cart.contributor';
import { StockContributor } from './modules/catalogue/stock.contributor';
import { CheckoutContributors } from './modules/orders/checkout/contributor';
import { registerReleaseHooks } from './modules/orders/checkout/release';
import { CheckoutService } from './modules/orders/checkout.service';
import { OrderHooks } from './modules/orders/order-hooks';
import { OrderTransitions } from './modules/orders/order-transitions';
import { registerShareRoutes } from './modules/share/share.routes';
import { ShareTokens } from './modules/share/share-tokens';
import { OrderLifecycle } from './modules/orders/order-lifecycle';
import { OrderReads } from './modules/orders/orders.query';
import { registerOrderRoutes } from './modules/orders/orders.routes';
import { registerOrderJobs } from './modules/orders/orders.jobs';
import { Outbox } from './modules/outbox/outbox';
import { registerOutboxJobs } from './modules/outbox/outbox.jobs';
import { registerOutboxRoutes } from './modules/outbox/outbox.routes';
import { buildOpenApi } from './openapi/openapi';
import { WeChatClient } from './wechat/client';
import type { FakeWeChatHandle } from './wechat/fake-wechat';
import type { FakeWeChatPay } from './wechatpay/fake-wechatpay';
import type { FakeWeCom } from './wecom/fake-wecom';
import { wechatPayClientFrom } from './wechatpay/from-config';
import { registerPaymentRoutes } from './modules/payments/payments.routes';
import { registerPaymentJobs } from './modules/payments/payments.jobs';
import { PaymentsHqReads } from './modules/payments/payments.hq-reads';
import { PaymentsService } from './modules/payments/payments.service';
import { RefundsService } from './modules/payments/refunds.service';
import { subscribeShippingUpload } from './modules/payments/shipping';
import { createGroupBuy } from './modules/groupbuy/groupbuy.module';
import { registerGroupBuyRoutes } from './modules/groupbuy/groupbuy.routes';
import { createCouponServices } from './modules/coupons/coupons.module';
import { registerCouponRoutes } from './modules/coupons/coupons.routes';
import { createPointsServices } from './modules/points/points.module';
import { registerPointsRoutes } from './modules/points/points.routes';
import { createGuideServices } from './modules/guides/guides.wiring';
import { registerGuideRoutes } from './modules/guides/guides.routes';
import { registerWecomRoutes, WECOM_CALLBACK_PATH } from './modules/guides/wecom.routes';
import { createPointsMallServices } from './modules/pointsmall/pointsmall.module';
import { registerPointsMallRoutes } from './modules/pointsmall/pointsmall.routes';

export const ASSETS_DIR = path.resolve(__dirname, '../assets');

export interface AppDeps {
  config: Config;
  log: Logger;
  ds: DataSource;
  /** The loopback fake WeChat, in development and tests; null when talking to the real one. */
  fakeWechat: FakeWeChatHandle | null;
  /** The loopback fake WeChat Pay (PAYMENT_MODE=wechat with WECHATPAY_FAKE); null or absent otherwise. */
  fakeWechatPay?: FakeWeChatPay | null;
  /** The loopback fake WeCom (development and tests); null or absent otherwise. */
  fakeWecom?: FakeWeCom | null;
  now?: () => Date;
  isShuttingDown?: () => boolean;
}

export function createServices(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const { config } = deps;
  const tx = new Transactor(deps.ds, (err) => deps.log.error({ err }, 'after-commit callback failed'));
  const wechat = new WeChatClient({
    baseUrl: deps.fakeWechat?.baseUrl ?? config.WECHAT_API_BASE,
    appid: config.WECHAT_APPID,
    secret: config.WECHAT_SECRET,
    timeoutMs: config.WECHAT_TIMEOUT_MS,
    now: () => now().getTime(),
  });
  const tokens = new TokenService(config.SESSION_SECRET, { shopperSeconds: config.SESSION_TTL_SECONDS, hqSeconds: config.HQ_TOKEN_TTL_SECONDS }, now);
  // Side effects after commit (points, commission, shipping upload …) go through the outbox,
  // handed to their handlers right after the commit (OUTBOX_DISPATCH), with the job as safety net.
  const outbox = new Outbox(deps.ds, tx, deps.log, now, config.OUTBOX_DISPATCH);
  // Scheduled jobs: every module registers its own (name, run) with the one scheduler.
  const scheduler = new Scheduler({ tx, log: deps.log, now, intervalMs: config.JOBS_INTERVAL_MS });
  const shareTokens = new ShareTokens(config.SESSION_SECRET, now);
  const auth = new AuthService(deps.ds, tx, wechat, tokens, outbox, now);
  const catalogue = new CatalogueService(deps.ds);
  const catalogueAdmin = new CatalogueAdmin(tx, catalogue, now);
  const catalogueConsole = { banners: new BannerAdmin(deps.ds, tx, now), images: new DiskImageStorage(path.join(config.dataDir, 'uploads/images')) };
  // --- cart & addresses (cart/, address/) ---
  const cart = new CartService(deps.ds, tx, now);
  const addresses = new AddressService(deps.ds, tx, now);
  // --- orders (orders/): the extension points every loop feature registers with ---
  const orderReads = new OrderReads(deps.ds);
  const hooks = new OrderHooks();
  const transitions = new OrderTransitions(hooks);
  const contributors = new CheckoutContributors();
  const stock = new StockContributor();
  contributors.register(cartContributor(cart)).register(stock);
  registerReleaseHooks(hooks, contributors);
  // --- payments (payments/, wechatpay/) ---
  const wxpay = config.PAYMENT_MODE === 'wechat' ? wechatPayClientFrom(config, deps.fakeWechatPay ?? null) : null;
  const refunds = new RefundsService(deps.ds, tx, transitions, outbox, deps.log, wxpay, now);
  const paymentsHqReads = new PaymentsHqReads(deps.ds, (ids) => orderReads.orderNumbers(ids));
  const payments = new PaymentsService({ ds: deps.ds, tx, transitions, outbox, log: deps.log, reads: orderReads, refunds, mode: config.PAYMENT_MODE, wxpay, now });
  subscribeShippingUpload(outbox, deps.ds, wechat, now);
  const checkout = new CheckoutService({
    ds: deps.ds, tx, contributors, addresses, reads: orderReads, payTimeoutMinutes: config.ORDER_PAY_TIMEOUT_MINUTES, now,
    payZeroCash: (m, order) => payments.payZeroCashIn(m, order),
  });
  // Built after payments: a shopper's cancel first closes the WeChat Pay order.
  const orderLifecycle = new OrderLifecycle(deps.ds, tx, transitions, outbox, orderReads, now, (orderId) => payments.closeRemote(orderId));
  // --- jobs: each module registers its own with the scheduler ---
  registerOrderJobs(scheduler, { lifecycle: orderLifecycle, payments, log: deps.log, now, autoCompleteDays: config.ORDER_AUTO_COMPLETE_DAYS });
  registerPaymentJobs(scheduler, { ds: deps.ds, payments, log: deps.log, now, payQueryAfterMinutes: config.ORDER_PAY_QUERY_AFTER_MINUTES });
  registerOutboxJobs(scheduler, outbox);
  // --- membership & points (membership/, points/) ---
  const points = createPointsServices({ ds: deps.ds, tx, outbox, log: deps.log, now, reads: orderReads, scheduler, contributors, shareTokens, memberExists: async (id) => !!(await auth.memberById(id)) });
  // --- group-buy (groupbuy/) ---
  const groupBuy = createGroupBuy({ ...deps, now, tx, wechat, outbox, scheduler, catalogue, hooks, transitions, contributors, stock, refunds, checkout });
  // --- coupons (coupons/) ---
  const coupons = createCouponServices({ ds: deps.ds, tx, auth, now, contributors, hooks, outbox, scheduler, profiles: points.profiles });
  const pointsMall = createPointsMallServices({ ds: deps.ds, tx, coupons, contributors, now });
  // --- guides (guides/, wecom/) ---
  const guides = createGuideServices(deps, { tx, outbox, contributors, shareTokens, wechat, now });
  return { tx, wechat, tokens, shareTokens, auth, catalogue, catalogueAdmin, catalogueConsole, outbox, cart, addresses, orderReads, hooks, transitions, contributors, stock, checkout, orderLifecycle, wxpay, refunds, payments, paymentsHqReads, scheduler, points, groupBuy, coupons, pointsMall, guides };
}

export type Services = ReturnType<typeof createServices>;

/** Mutating requests with a body must send JSON; anything else is a 415, not a silent `{}`. */
const requireJsonBodies: Koa.Middleware<AppState> = async (ctx, next) => {
  const hasBody = Number(ctx.get('content-length') || 0) > 0 || !!ctx.get('transfer-encoding');
  // The WeCom callback posts XML and reads its own body.
  if (['POST', 'PUT', 'PATCH'].includes(ctx.method) && hasBody && !ctx.is('json') && ctx.path !== WECOM_CALLBACK_PATH && ctx.path !== UPLOAD_PATH) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  await next();
};

export function createApp(deps: AppDeps, services: Services = createServices(deps)): Koa<AppState> {
  const app = new Koa<AppState>();
  app.proxy = true;
  // Errors Koa itself sees after the response started (a client gone mid-stream) are not ours.
  app.on('error', (err, ctx?: Koa.Context) => {
    if (!isClientAbort(err, ctx?.req)) deps.log.error({ err }, 'koa error');
  });

  const api = new ApiRouter(makeAuthenticator(services.tokens, services.auth));
  registerHealth(api.router, deps.ds, deps.isShuttingDown ?? (() => false));
  registerAuthRoutes(api, services.auth, deps.fakeWechat);
  registerCatalogueRoutes(api, services.catalogue, services.catalogueAdmin, services.catalogueConsole);
  // --- routes: cart & addresses ---
  registerCartRoutes(api, services.cart);
  registerAddressRoutes(api, services.addresses);
  // --- routes: orders ---
  registerOrderRoutes(api, services.checkout, services.contributors, services.orderReads, services.orderLifecycle);
  registerShareRoutes(api, services.shareTokens);
  // --- routes: payments ---
  registerPaymentRoutes(api, services.payments, services.refunds, services.paymentsHqReads, services.wxpay, deps.now ?? (() => new Date()));
  // --- routes: coupons ---
  registerCouponRoutes(api, services.coupons, services.catalogue, deps.now ?? (() => new Date()));
  registerPointsMallRoutes(api, services.pointsMall);
  // --- routes: outbox (HQ) ---
  registerOutboxRoutes(api, deps.ds, services.outbox);
  // --- routes: group-buy ---
  registerGroupBuyRoutes(api, services.groupBuy);
  // --- routes: membership & points ---
  registerPointsRoutes(api, services.points);
  // --- routes: guides ---
  registerGuideRoutes(api, services.guides);
  registerWecomRoutes(api.router, services.guides.wecom);
  const openapi = buildOpenApi(api.defs, '0.1.0');
  api.router.get('/openapi.json', (ctx) => {
    ctx.body = openapi;
  });

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
  if (deps.config.SERVE_H5) app.use(serveDir('/', deps.config.h5Dir, h5CachePolicy));
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
