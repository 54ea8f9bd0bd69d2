/**
 * What a feature module is: one declaration that carries everything it adds to Loopmall (its
 * entities, migrations, error statuses, and a build step that registers its services, checkout
 * contributors, order hooks, outbox handlers, jobs and routes). The composition root
 * (api/src/modules/index.ts) lists the modules in order; app.ts builds them one by one and never
 * names a feature. Outbox event types are declared by each module through declaration merging
 * into `OutboxEvents` (outbox/events.ts); the Chinese copy of its error codes sits in common/.
 */
import type { DataSource, MigrationInterface } from 'typeorm';
import type { ErrorCode } from '@common/errors';
import type { Config } from '../config';
import type { Transactor } from '../db/transaction';
import type { ApiRouter } from '../http/api-router';
import type { Logger } from '../logger';
import type { CheckoutContributors, OrderHooks, OrderTransitions } from '../modules/orders';
import type { Outbox } from '../modules/outbox';
import type { Scheduler } from '../modules/jobs';
import type { WeChatClient } from '../wechat/client';
import type { RateLimiter } from '../http/rate-limit';
import type { FirstScreen } from './first-screen';
import type { Redis } from './redis';
import type { SoldOutBoard } from './sold-out-board';
import type { StoreScope } from './store-scope';
import type { FakeWeChatHandle } from '../wechat/fake-wechat';
import type { FakeWeChatPay } from '../wechatpay/fake-wechatpay';
import type { FakeWeCom, RemoteFakeWeCom } from '../wecom/fake-wecom';

type EntityClass = new () => object;
type MigrationClass = new () => MigrationInterface;

/** The services every module may use; the same ones every test reaches through `services`. */
export interface CoreServices {
  config: Config;
  log: Logger;
  ds: DataSource;
  /** The shared store of several instances (REDIS_URL), or null: keep shared state in memory then. */
  redis: Redis | null;
  tx: Transactor;
  /** Request-rate limits (token buckets in `redis`, or in memory); routes name theirs with `rateLimit`. */
  rateLimits: RateLimiter;
  /** Sold-out marks of SKUs and campaigns, shared through `redis` when it is set (sold-out-board.ts). */
  soldOut: SoldOutBoard;
  now: () => Date;
  /** Side effects after commit: `outbox.subscribe(type, name, handler)`. */
  outbox: Outbox;
  /** Scheduled jobs: `scheduler.register({ name, run, intervalMs? })`. */
  scheduler: Scheduler;
  /** Checkout contributors (quote, reserve, release), in rank order. */
  contributors: CheckoutContributors;
  /** Work inside an order transition's transaction, per order kind and event. */
  hooks: OrderHooks;
  transitions: OrderTransitions;
  wechat: WeChatClient;
  fakeWechat: FakeWeChatHandle | null;
  fakeWechatPay: FakeWeChatPay | null;
  fakeWecom: FakeWeCom | null;
  /** A cluster worker's view of the primary's fake WeCom (it posts callbacks to our shared port). */
  remoteFakeWecom: RemoteFakeWeCom | null;
  isShuttingDown: () => boolean;
  /** What a store manager may see; the guides module provides the answers (store-scope.ts). */
  storeScope: StoreScope;
  /** 首页's first products for the H5 build's index.html; the catalogue module provides them (first-screen.ts). */
  firstScreen: FirstScreen;
}

export type RouteRegistration = (api: ApiRouter) => void;

export interface ModuleContext extends CoreServices {
  /** The public API of a module listed (and so built) before this one. */
  use<Api>(module: ModuleDefinition<Api>): Api;
  /** Routes are added when the app is assembled, after every module (and a test's extend) ran. */
  routes(register: RouteRegistration): void;
  /** A path whose POST body is not JSON and is read by its own handler (the WeCom callback's XML). */
  acceptRawBody(path: string): void;
  /** Runs once the server listens, with its own base URL (a notify URL that points back at us). */
  onListening(run: (url: string) => void | Promise<void>): void;
}

export interface ModuleDefinition<Api = unknown> {
  name: string;
  /** The tables this module owns; no other module reads or writes them (boundaries.unit.test.ts). */
  entities: readonly EntityClass[];
  /** Its migrations; all modules' are run together, by timestamp. Never edit a shipped one. */
  migrations: readonly MigrationClass[];
  /** HTTP status of the error codes it throws (unlisted codes are 400); the copy is in common/. */
  errors: Partial<Record<ErrorCode, number>>;
  /** Registers its services, contributors, hooks, outbox handlers, jobs and routes; returns its public API. */
  build(ctx: ModuleContext): Api;
}

export function defineModule<Api>(def: ModuleDefinition<Api>): ModuleDefinition<Api> {
  return def;
}

/** The merged public APIs of a list of modules (their build results), keyed as each returns them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApisOf<L extends readonly ModuleDefinition<any>[]> = UnionToIntersection<{ [K in keyof L]: L[K] extends ModuleDefinition<infer A> ? A : never }[number]>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
