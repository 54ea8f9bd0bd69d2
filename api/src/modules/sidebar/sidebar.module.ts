/**
 * The guide's sidebar in WeCom's chat toolbar: web login to a guide session, JS-SDK signatures,
 * the customer's profile, the group view, cards sent into the chat, and the customer groups
 * synced from WeCom for HQ. It reads other modules only through their public entries.
 */
import { Sidebar1796100000000 } from '../../db/migrations/1796100000000-sidebar';
import { WecomGroupListIndex1796200000002 } from '../../db/migrations/1796200000002-wecom-group-list-index';
import { defineModule, type ModuleContext } from '../../platform/module';
import { WeChatApiError, WeChatUnavailableError } from '../../wechat/json-call';
import { WeComAgentClient } from '../../wecom/agent-client';
import { AppError } from '../../http/app-error';
import type { WebLoginSubject } from '../../wecom/fake-wecom';
import { authModule } from '../auth';
import { catalogueModule } from '../catalogue';
import { couponsModule } from '../coupons';
import { groupBuyModule, JoinReads } from '../groupbuy';
import { guidesModule } from '../guides';
import { insightSegmentsModule } from '../insight-segments';
import { TierReads } from '../membership';
import { ordersModule } from '../orders';
import { pointsModule, SigninReads } from '../points';
import { shareModule } from '../share';
import { GroupSync, GROUP_SYNC_JOB } from './group-sync';
import { GroupViews } from './group-views';
import { SIDEBAR_ENTITIES } from './sidebar.entities';
import type { SidebarPorts } from './sidebar.ports';
import { SidebarProfiles } from './sidebar.profile';
import { registerSidebarRoutes, type SidebarServices } from './sidebar.routes';
import { SidebarSends } from './sidebar.sends';
import { SidebarSessions } from './sidebar.session';

const SYNC_INTERVAL_MS = 30 * 60_000;
/** Live campaigns a guide picks from (and may send). */
const LIVE_CAMPAIGNS = 50;

export const sidebarModule = defineModule({
  name: 'sidebar',
  entities: SIDEBAR_ENTITIES,
  migrations: [Sidebar1796100000000, WecomGroupListIndex1796200000002],
  // WECOM_CODE_INVALID (a used or expired web-login code) stays 400, as WECHAT_CODE_INVALID does.
  errors: {
    SIDEBAR_NOT_CORP_MEMBER: 403,
    SIDEBAR_NOT_A_GUIDE: 403,
    SIDEBAR_CONTACT_UNKNOWN: 404,
    SIDEBAR_GROUP_NOT_FOUND: 404,
    SIDEBAR_TARGET_NOT_FOUND: 404,
    SIDEBAR_SEND_SETTLED: 409,
    SIDEBAR_SYNC_BUSY: 409,
  },
  build(ctx) {
    const { config, ds, log, tx, now } = ctx;
    const agent = new WeComAgentClient({
      baseUrl: ctx.fakeWecom?.baseUrl ?? config.WECOM_API_BASE,
      corpId: config.WECOM_CORP_ID,
      secret: config.WECOM_AGENT_SECRET,
      timeoutMs: config.WECHAT_TIMEOUT_MS,
      now: () => now().getTime(),
    });
    const { guides, guideReads } = ctx.use(guidesModule);
    const ports = sidebarPorts(ctx);
    const sync = new GroupSync(tx, guides.wecomClient, log, now);
    ctx.scheduler.register({ name: GROUP_SYNC_JOB, run: () => sync.syncAll(), intervalMs: SYNC_INTERVAL_MS });
    const auth = ctx.use(authModule);
    // Guide sessions are refused as soon as the guide is no longer active.
    auth.guideSessions.isActiveGuide = (id) => guideReads.isActive(id);
    // Development only: the code WeCom's OAuth redirect would give (the fake in this process, or the cluster primary's).
    const fake = ctx.fakeWecom;
    const remote = ctx.remoteFakeWecom;
    const mintLoginCode = fake ? async (who: WebLoginSubject) => fake.sidebar.mintLoginCode(who) : remote ? (who: WebLoginSubject) => remote.mintLoginCode(who) : null;
    const sidebar: SidebarServices & { agent: WeComAgentClient } = {
      agent,
      sessions: new SidebarSessions(agent, auth.tokens, ports, { corpId: config.WECOM_CORP_ID, agentId: config.WECOM_AGENT_ID, devLogin: !!mintLoginCode }),
      profiles: new SidebarProfiles(ds, tx, ports, now),
      groups: new GroupViews(ds, sync, guides.wecomClient, ports, now),
      sends: new SidebarSends(ds, tx, ports, config.WECHAT_APPID, now),
      runSync: () => ctx.scheduler.runOnce(GROUP_SYNC_JOB),
    };
    ctx.routes((api) => registerSidebarRoutes(api, sidebar, mintLoginCode));
    return { sidebar };
  },
});

/** The sidebar's view of other modules, from their public APIs and read ports. */
function sidebarPorts(ctx: ModuleContext): SidebarPorts {
  const { ds, now } = ctx;
  const { guides, guideReads } = ctx.use(guidesModule);
  const { auth } = ctx.use(authModule);
  const { points } = ctx.use(pointsModule);
  const { coupons } = ctx.use(couponsModule);
  const { groupBuy } = ctx.use(groupBuyModule);
  const { catalogue } = ctx.use(catalogueModule);
  const { orderReads, orderFacts } = ctx.use(ordersModule);
  const { shareTokens } = ctx.use(shareModule);
  const { insight } = ctx.use(insightSegmentsModule);
  const tiers = new TierReads(ds, points.settings);
  const signins = new SigninReads(ds);
  const joins = new JoinReads(ds);
  return {
    guides: guideReads,
    externalContact: async (externalUserId) => {
      try {
        return await guides.wecomClient.getExternalContact(externalUserId);
      } catch (err) {
        // 84061 no relation (or any refusal): an unknown contact, not an error page.
        if (err instanceof WeChatApiError) return null;
        if (err instanceof WeChatUnavailableError) throw new AppError('WECHAT_UNAVAILABLE', err.message);
        throw err;
      }
    },
    guideShareToken: (guideId) => shareTokens.sign({ kind: 'guide', id: guideId }),
    members: {
      byIds: async (ids) => new Map((await auth.membersByIds(ids)).map((m) => [m.id, { nickname: m.nickname, avatarUrl: m.avatarUrl }])),
      idsByUnionids: (u) => auth.memberIdsByUnionids(u),
      card: async (memberId) => points.profiles.card(memberId, await points.reads.summary(memberId)),
      tierLabels: (ids) => tiers.labels(ids),
    },
    orders: {
      latest: async (memberId, n) => (await orderReads.listForShopper(memberId, 'all', { page: 1, pageSize: n })).items,
      paidTotals: async (ids) => {
        const paid = [...(await orderFacts.reportFacts(ids)).values()].filter((f) => f.paid);
        return { orders: paid.length, gmvFen: paid.reduce((sum, f) => sum + f.netFen, 0) };
      },
    },
    coupons: {
      usable: (memberId) => coupons.wallet.list(memberId, 'usable', now()),
      claimable: () => coupons.templates.claimable(),
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
      products: async (keyword, n) => (await catalogue.listProducts({ keyword, sort: 'newest', page: 1, pageSize: n, statuses: ['on_sale'] })).items,
      product: async (id) => {
        try {
          return await catalogue.productDetail(id, { shopper: true });
        } catch (err) {
          if (err instanceof AppError && err.code === 'PRODUCT_NOT_FOUND') return null;
          throw err;
        }
      },
    },
    groupBuy: { live: () => groupBuy.reads.running(LIVE_CAMPAIGNS) },
    insight: { tagsOf: (ids) => insight.reads.tagsOf(ids) },
  };
}
