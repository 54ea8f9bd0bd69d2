/** Builds the guides feature's services from the app's dependencies (one call in createServices). */
import type { AppDeps } from '../../app';
import type { Transactor } from '../../db/transaction';
import type { WeChatClient } from '../../wechat/client';
import { WeComClient } from '../../wecom/client';
import type { Outbox } from '../outbox/outbox';
import type { CheckoutContributors } from '../orders/checkout/contributor';
import { attributionContributor } from './attribution.contributor';
import { AttributionService } from './attribution.service';
import { CommissionService } from './commission.service';
import { GuidePosters } from './guide-posters';
import { GuidesAdmin } from './guides.admin';
import { GuidesReports } from './guides.reports';
import type { GuideServices } from './guides.routes';
import { GuidesShopper } from './guides.shopper';
import { GuidesWorkbench } from './guides.workbench';
import { RuleSets } from './rule-sets';
import type { ShareTokens } from '../share/share-tokens';
import { TouchService } from './touches.service';
import { WecomService } from './wecom.service';

export function createGuideServices(
  deps: AppDeps,
  core: { tx: Transactor; outbox: Outbox; contributors: CheckoutContributors; shareTokens: ShareTokens; wechat: WeChatClient; now: () => Date },
): GuideServices & { wecomClient: WeComClient; shareTokens: ShareTokens } {
  const { config, ds, log } = deps;
  const { tx, outbox, shareTokens, now } = core;
  const rules = new RuleSets(ds, tx, now);
  const wecomClient = new WeComClient({
    baseUrl: deps.fakeWecom?.baseUrl ?? config.WECOM_API_BASE,
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
  );
  wecom.subscribe();
  const commission = new CommissionService(ds, tx, now);
  commission.subscribe(outbox);
  const attribution = new AttributionService(ds, rules, shareTokens);
  // Every order snapshots its attribution at creation (rank RANK.attribution, body field shareToken).
  core.contributors.register(attributionContributor(attribution));
  const workbench = new GuidesWorkbench(ds, shareTokens);
  return {
    admin: new GuidesAdmin(ds, tx, now),
    shopper: new GuidesShopper(ds, tx, now),
    workbench,
    posters: new GuidePosters(ds, workbench, shareTokens, core.wechat, log, now),
    touches: new TouchService(tx, shareTokens, rules, now),
    attribution,
    commission,
    reports: new GuidesReports(ds),
    rules,
    wecom,
    wecomClient,
    shareTokens,
  };
}
