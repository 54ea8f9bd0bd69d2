/**
 * Guides: stores and guides, attribution (a checkout contributor snapshots every order's guide),
 * commission, the WeCom customer-contact callback, posters, the workbench and HQ reports.
 */
import { Guides1795800000000 } from '../../db/migrations/1795800000000-guides';
import { GroupChatIndexes1796000000000 } from '../../db/migrations/1796000000000-group-chat-indexes';
import { OfflineCommission1796430000000 } from '../../db/migrations/1796430000000-offline-commission';
import { StoreListIndex1796700000002 } from '../../db/migrations/1796700000002-store-list-index';
import { GuideListIndex1796710000001 } from '../../db/migrations/1796710000001-guide-list-index';
import { defineModule, type ModuleContext } from '../../platform/module';
import { WeComClient } from '../../wecom/client';
import { authModule, type AuthService } from '../auth';
import { ordersModule, type OrderFacts } from '../orders';
import { shareModule, type ShareTokens } from '../share';
import { attributionContributor } from './attribution.contributor';
import { AttributionService } from './attribution.service';
import { CommissionLedgerReads } from './commission.hq';
import { CommissionService } from './commission.service';
import { recordOfflineCommission } from './offline-commission';
import { GuidePosters } from './guide-posters';
import { GuideReads } from './guide-reads';
import { GuidesAdmin } from './guides.admin';
import { GuideDirectory } from './guides.overview';
import { GUIDE_ENTITIES } from './guides.entities';
import './guides.events';
import { GuidesReports } from './guides.reports';
import { registerGuideHqReads } from './guides.hq-routes';
import { registerGuideRoutes, type GuideServices } from './guides.routes';
import { MemberGuideReads } from './member-guide.hq';
import { GuidesShopper } from './guides.shopper';
import { GuidesWorkbench } from './guides.workbench';
import { RuleSets } from './rule-sets';
import { TouchService } from './touches.service';
import { registerWecomRoutes, WECOM_CALLBACK_PATH } from './wecom.routes';
import { WecomService } from './wecom.service';

export const guidesModule = defineModule({
  name: 'guides',
  entities: GUIDE_ENTITIES,
  migrations: [Guides1795800000000, GroupChatIndexes1796000000000, OfflineCommission1796430000000, StoreListIndex1796700000002, GuideListIndex1796710000001],
  errors: {
    STORE_NOT_FOUND: 404,
    GUIDE_NOT_FOUND: 404,
    STORE_CODE_TAKEN: 409,
    GUIDE_WECOM_USER_TAKEN: 409,
    GUIDE_ALREADY_LEFT: 409,
    GUIDE_ACCOUNT_TAKEN: 409,
    NOT_A_GUIDE: 403,
    WECOM_CALLBACK_REJECTED: 403,
    ATTRIBUTION_RULES_CHANGED: 409,
    GUIDE_POSTER_TOO_LONG: 409,
    GUIDE_POSTER_PAGE_MISSING: 502,
    GUIDE_POSTER_QUOTA: 429,
    GUIDE_POSTER_FAILED: 502,
  },
  build(ctx) {
    const guides = createGuideServices(ctx, {
      shareTokens: ctx.use(shareModule).shareTokens,
      orders: ctx.use(ordersModule).orderFacts,
      members: ctx.use(authModule).auth,
    });
    // A store manager sees their store's guides' orders and customers (other modules ask through ctx.storeScope).
    const directory = new GuideDirectory(ctx.ds);
    ctx.storeScope.provide({ guideIdsOfStore: (s) => directory.guideIdsOfStore(s), memberInStore: (m, s) => directory.memberInStore(m, s) });
    ctx.routes((api) => {
      registerGuideRoutes(api, guides);
      registerGuideHqReads(api, { ledger: new CommissionLedgerReads(ctx.ds, ctx.use(ordersModule).orderFacts), memberGuide: new MemberGuideReads(ctx.ds) });
      registerWecomRoutes(api.router, guides.wecom);
    });
    // The WeCom callback posts XML and reads its own body.
    ctx.acceptRawBody(WECOM_CALLBACK_PATH);
    ctx.onListening(async (url) => {
      if (ctx.fakeWecom) ctx.fakeWecom.callbackUrl = `${url}${WECOM_CALLBACK_PATH}`;
      // Every worker of a cluster listens on the same port, so each sets the same URL.
      else if (ctx.remoteFakeWecom) await ctx.remoteFakeWecom.setCallbackUrl(`${url}${WECOM_CALLBACK_PATH}`);
    });
    return {
      guides,
      /** Read port of the guides tables for the WeCom sidebar. */
      guideReads: new GuideReads(ctx.ds),
      /** Read port for other modules (accounts, 概览): stores, guides and their customers. */
      guideDirectory: directory,
      /** Offline (store) commission into the guide's ledger, inside the caller's transaction. */
      commission: { recordOffline: recordOfflineCommission },
    };
  },
});

function createGuideServices(
  ctx: ModuleContext,
  ports: { shareTokens: ShareTokens; orders: OrderFacts; members: Pick<AuthService, 'memberIdByUnionid'> },
): GuideServices & { wecomClient: WeComClient; shareTokens: ShareTokens } {
  const { config, ds, log, tx, outbox, now } = ctx;
  const { shareTokens, orders } = ports;
  const rules = new RuleSets(ds, tx, now);
  const wecomClient = new WeComClient({
    baseUrl: ctx.fakeWecom?.baseUrl ?? config.WECOM_API_BASE,
    corpId: config.WECOM_CORP_ID,
    secret: config.WECOM_SECRET,
    timeoutMs: config.WECHAT_TIMEOUT_MS,
    now: () => now().getTime(),
  });
  const wecom = new WecomService(
    ds,
    tx,
    outbox,
    wecomClient,
    shareTokens,
    rules,
    { keys: { token: config.WECOM_CALLBACK_TOKEN, encodingAesKey: config.WECOM_CALLBACK_AES_KEY, corpId: config.WECOM_CORP_ID }, appid: config.WECHAT_APPID, welcomePicMediaId: config.WECOM_WELCOME_PIC_MEDIA_ID },
    log,
    now,
    ports.members,
  );
  wecom.subscribe();
  const commission = new CommissionService(ds, tx, now, orders);
  commission.subscribe(outbox);
  const attribution = new AttributionService(ds, rules, shareTokens);
  // Every order snapshots its attribution at creation (rank RANK.attribution, body field shareToken).
  ctx.contributors.register(attributionContributor(attribution));
  const workbench = new GuidesWorkbench(ds, shareTokens, orders);
  return {
    admin: new GuidesAdmin(ds, tx, now),
    shopper: new GuidesShopper(ds, tx, now, orders),
    workbench,
    posters: new GuidePosters(ds, workbench, shareTokens, ctx.wechat, log, now),
    touches: new TouchService(tx, shareTokens, rules, now, outbox),
    attribution,
    commission,
    reports: new GuidesReports(ds, orders),
    rules,
    wecom,
    wecomClient,
    shareTokens,
  };
}
