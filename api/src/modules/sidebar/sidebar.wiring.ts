/**
 * Builds the sidebar's services (one call in createServices): the agent's WeCom client, the
 * ports onto other modules' services and read ports, and the group sync job.
 */
import type { AppDeps } from '../../app';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { WeChatApiError, WeChatUnavailableError } from '../../wechat/json-call';
import { WeComAgentClient } from '../../wecom/agent-client';
import type { WeComClient } from '../../wecom/client';
import { MemberReads } from '../auth/member-reads';
import type { TokenService } from '../auth/tokens';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { CouponServices } from '../coupons/coupons.module';
import type { GroupBuy } from '../groupbuy/groupbuy.module';
import { JoinReads } from '../groupbuy/join-reads';
import { GuideReads } from '../guides/guide-reads';
import type { Scheduler } from '../jobs/scheduler';
import { TierReads } from '../membership/tier-reads';
import { paidTotals } from '../orders/order-totals';
import type { OrderReads } from '../orders/orders.query';
import type { createPointsServices } from '../points/points.module';
import { SigninReads } from '../points/signin-reads';
import type { ShareTokens } from '../share/share-tokens';
import { GroupSync, GROUP_SYNC_JOB } from './group-sync';
import { GroupViews } from './group-views';
import type { SidebarServices } from './sidebar.routes';
import type { SidebarPorts } from './sidebar.ports';
import { SidebarProfiles } from './sidebar.profile';
import { SidebarSends } from './sidebar.sends';
import { SidebarSessions } from './sidebar.session';

const SYNC_INTERVAL_MS = 30 * 60_000;
/** Live campaigns a guide picks from (and may send). */
const LIVE_CAMPAIGNS = 50;

export interface SidebarCore {
  tx: Transactor;
  tokens: TokenService;
  scheduler: Scheduler;
  shareTokens: ShareTokens;
  wecomClient: WeComClient;
  catalogue: CatalogueService;
  orderReads: OrderReads;
  points: ReturnType<typeof createPointsServices>;
  coupons: CouponServices;
  groupBuy: GroupBuy;
  now: () => Date;
}

export function createSidebarServices(deps: AppDeps, core: SidebarCore): SidebarServices & { agent: WeComAgentClient; guideReads: GuideReads } {
  const { config, ds, log } = deps;
  const { tx, now } = core;
  const agent = new WeComAgentClient({
    baseUrl: deps.fakeWecom?.baseUrl ?? config.WECOM_API_BASE,
    corpId: config.WECOM_CORP_ID,
    secret: config.WECOM_AGENT_SECRET,
    timeoutMs: config.WECHAT_TIMEOUT_MS,
    now: () => now().getTime(),
  });
  const guideReads = new GuideReads(ds);
  const ports = sidebarPorts(deps, core, guideReads);
  const sync = new GroupSync(tx, core.wecomClient, log, now);
  core.scheduler.register({ name: GROUP_SYNC_JOB, run: () => sync.syncAll(), intervalMs: SYNC_INTERVAL_MS });
  return {
    agent,
    guideReads,
    sessions: new SidebarSessions(agent, core.tokens, ports, { corpId: config.WECOM_CORP_ID, agentId: config.WECOM_AGENT_ID, devLogin: !!deps.fakeWecom }),
    profiles: new SidebarProfiles(ds, tx, ports, now),
    groups: new GroupViews(ds, sync, core.wecomClient, ports, now),
    sends: new SidebarSends(ds, tx, ports, config.WECHAT_APPID, now),
    runSync: () => core.scheduler.runOnce(GROUP_SYNC_JOB),
  };
}

function sidebarPorts(deps: AppDeps, core: SidebarCore, guides: GuideReads): SidebarPorts {
  const { ds } = deps;
  const { points, coupons, now } = core;
  const members = new MemberReads(ds);
  const tiers = new TierReads(ds, points.settings);
  const signins = new SigninReads(ds);
  const joins = new JoinReads(ds);
  return {
    guides,
    externalContact: async (externalUserId) => {
      try {
        return await core.wecomClient.getExternalContact(externalUserId);
      } catch (err) {
        // 84061 no relation (or any refusal): an unknown contact, not an error page.
        if (err instanceof WeChatApiError) return null;
        if (err instanceof WeChatUnavailableError) throw new AppError('WECHAT_UNAVAILABLE', err.message);
        throw err;
      }
    },
    guideShareToken: (guideId) => core.shareTokens.sign({ kind: 'guide', id: guideId }),
    members: {
      byIds: (ids) => members.byIds(ids),
      idsByUnionids: (u) => members.idsByUnionids(u),
      card: async (memberId) => points.profiles.card(memberId, await points.reads.summary(memberId)),
      tierLabels: (ids) => tiers.labels(ids),
    },
    orders: {
      latest: async (memberId, n) => (await core.orderReads.listForShopper(memberId, 'all', { page: 1, pageSize: n })).items,
      paidTotals: (ids) => paidTotals(ds, ids),
    },
    coupons: {
      usable: (memberId) => coupons.wallet.list(memberId, 'usable', now()),
      claimable: async () => (await coupons.templates.list()).filter((t) => t.claimable && t.active),
      newcomerPack: async () => {
        const pack = await coupons.gifts.pack();
        return pack.active ? { points: pack.points, couponCount: pack.templateIds.length } : null;
      },
    },
    activity: {
      signins: (ids, fromDay) => signins.count(ids, fromDay),
      groupBuyJoins: (ids, from) => joins.count(ids, from),
    },
    catalogue: {
      products: async (keyword, n) => (await core.catalogue.listProducts({ keyword, sort: 'newest', page: 1, pageSize: n, statuses: ['on_sale'] })).items,
      product: async (id) => {
        try {
          return await core.catalogue.productDetail(id, { shopper: true });
        } catch (err) {
          if (err instanceof AppError && err.code === 'PRODUCT_NOT_FOUND') return null;
          throw err;
        }
      },
    },
    groupBuy: {
      live: () => core.groupBuy.reads.running(LIVE_CAMPAIGNS),
    },
  };
}
