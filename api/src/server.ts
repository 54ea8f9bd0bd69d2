/**
 * Starts and stops a whole Loopmall API process: fake WeChat (development), database and
 * migrations, demo seed, HQ owner bootstrap, HTTP server, graceful shutdown. `npm start` and the
 * integration tests both go through here, so tests exercise the real start-up path.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApp, createServices, type Services } from './app';
import { addAcceptLanes } from './platform/accept-lanes';
import { closeRedis, connectRedis } from './platform/redis';
import { shareSoldOutBoard } from './platform/redis-sold-out-bus';
import { MODULES } from './modules';
import type { ModuleDefinition } from './platform/module';
import type { Config } from './config';
import { openDatabase } from './db/boot';
import { dbTargetFrom, type DbTarget } from './db/data-source';
import type { Logger } from './logger';
import { seedDemoStore, type DemoSummary } from './seed/seed';
import { FakeWeChat, type FakeWeChatHandle } from './wechat/fake-wechat';
import { FakeWeCom, type RemoteFakeWeCom } from './wecom/fake-wecom';
import { generateMerchant } from './wechatpay/crypto';
import { FakeWeChatPay } from './wechatpay/fake-wechatpay';

export interface Running {
  url: string;
  ds: DataSource;
  services: Services;
  fakeWechat: FakeWeChat | null;
  /** The loopback fake WeChat Pay when PAYMENT_MODE=wechat and WECHATPAY_FAKE; else null. */
  fakeWechatPay: FakeWeChatPay | null;
  /** The loopback fake WeCom (with the fake WeChat); null otherwise. */
  fakeWecom: FakeWeCom | null;
  seeded: boolean;
  /** What the demo seed made on this start (for the banner); null when it seeded nothing. */
  demo: DemoSummary | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Overrides the database chosen by the config (tests give each file its own schema). */
  db?: DbTarget;
  now?: () => Date;
  /** Runs after the services are built and before the routes are: tests register extra contributors or hooks here. */
  extend?: (services: Services) => void;
  /** Modules appended after the standard list (a test's sample module); their tables join the data source. */
  modules?: readonly ModuleDefinition<unknown>[];
  /** A fake WeChat run elsewhere (a cluster worker uses the primary's); none is started here then. */
  fakeWechat?: FakeWeChatHandle;
  /** Likewise the fake WeCom: the workers of a cluster share the primary's (it posts callbacks to our shared port). */
  fakeWecom?: RemoteFakeWeCom;
}

export async function startLoopmall(config: Config, log: Logger, opts: StartOptions = {}): Promise<Running> {
  const now = opts.now ?? (() => new Date());
  const fakeWechat = config.WECHAT_FAKE && !opts.fakeWechat ? new FakeWeChat({ appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET, withUnionId: true }) : null;
  if (fakeWechat) log.warn({ baseUrl: await fakeWechat.start() }, 'using the fake WeChat server (development only)');
  // A merchant identity made up at start: the fake knows its public key, the client its private key.
  const fakeWechatPay = config.PAYMENT_MODE === 'wechat' && config.WECHATPAY_FAKE ? new FakeWeChatPay({ appid: config.WECHAT_APPID, merchant: generateMerchant() }) : null;
  if (fakeWechatPay) log.warn({ baseUrl: await fakeWechatPay.start() }, 'using the fake WeChat Pay server (development only)');
  // The primary's fake WeCom is, to a worker, just the WeCom server at another base URL.
  if (opts.fakeWecom) config = { ...config, WECOM_API_BASE: opts.fakeWecom.baseUrl };
  const fakeWecom = config.WECHAT_FAKE && !opts.fakeWecom
    ? new FakeWeCom({ corpId: config.WECOM_CORP_ID, secret: config.WECOM_SECRET, agentSecret: config.WECOM_AGENT_SECRET, token: config.WECOM_CALLBACK_TOKEN, encodingAesKey: config.WECOM_CALLBACK_AES_KEY })
    : null;
  if (fakeWecom) log.warn({ baseUrl: await fakeWecom.start() }, 'using the fake WeCom server (development only)');

  const stopFakes = async () => {
    await fakeWechat?.stop();
    await fakeWechatPay?.stop();
    await fakeWecom?.stop();
  };
  // A database that is briefly unreachable (a blip while a worker boots) is retried for DB_BOOT_RETRY_MS.
  const modules = opts.modules?.length ? [...MODULES, ...opts.modules] : undefined;
  const ds = await openDatabase(opts.db ?? dbTargetFrom(config), { retryMs: config.DB_BOOT_RETRY_MS, log, modules }).catch(async (err: unknown) => {
    await stopFakes();
    throw err;
  });

  // Shared state across instances when REDIS_URL is set (null otherwise: state stays in memory).
  const redis = connectRedis(config.REDIS_URL, log);
  let shuttingDown = false;
  const deps = { config, log, ds, redis, fakeWechat: opts.fakeWechat ?? fakeWechat, fakeWechatPay, fakeWecom, remoteFakeWecom: opts.fakeWecom ?? null, now, isShuttingDown: () => shuttingDown, extraModules: opts.modules };
  const composed = createServices(deps);
  const { services } = composed;
  // Sold-out marks seen by every instance at once (otherwise each learns a sell-out by itself).
  const closeSoldOutBus = redis ? shareSoldOutBoard(services.soldOut, redis, config.REDIS_PREFIX, log) : () => undefined;
  opts.extend?.(services);
  const demo = config.SEED_DEMO ? await seedDemoStore(ds, services, log, now, { fakeWechat: deps.fakeWechat, wecom: !!fakeWecom }) : null;
  const seeded = demo !== null;
  if (await services.auth.bootstrapOwner(config.HQ_ADMIN_USERNAME, config.HQ_ADMIN_PASSWORD)) {
    log.info({ username: config.HQ_ADMIN_USERNAME }, 'created the HQ owner account');
  }

  const app = createApp(deps, composed);
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  // None in a cluster worker: under round-robin its connections come from the primary (no socket
  // of its own); with NODE_CLUSTER_SCHED_POLICY=none, lanes in two workers measured worse (README).
  const lanes = await addAcceptLanes(server, cluster.isWorker ? 0 : config.ACCEPT_LANES, log);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;

  // Only now is our own URL known: modules point callbacks at it (WeChat Pay's notify_url with the
  // fake, the fake WeCom's callback).
  for (const listening of composed.listeners) await listening(url);

  // Scheduled jobs (lease-guarded, so every instance may run them); tests drive them by hand.
  if (config.JOBS_ENABLED) services.scheduler.start();

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      shuttingDown = true;
      // No new job runs; the ones in progress finish before the database closes.
      await services.scheduler.stop();
      // Stop accepting, let in-flight requests finish (bounded), then close the pool.
      const closed = Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), lanes.close()]);
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(grace);
      // Events those requests committed: the dispatch running now finishes, the rest waits for the job.
      await services.outbox.close();
      await ds.destroy();
      closeSoldOutBus();
      await closeRedis(redis);
      await stopFakes();
    })());

  return { url, ds, services, fakeWechat, fakeWechatPay, fakeWecom, seeded, demo, stop };
}
