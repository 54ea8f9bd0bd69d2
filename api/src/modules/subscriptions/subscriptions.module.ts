/**
 * Subscribe messages (订阅消息): the members' consents (POST /api/me/subscriptions) and the notices
 * sent after commit through the outbox, at most once per (member, event key), only with consent;
 * HQ's lists of both.
 */
import { Subscriptions1796320000001 } from '../../db/migrations/1796320000001-subscriptions';
import { defineModule } from '../../platform/module';
import { authModule } from '../auth';
import { Consents, type SubscribeTemplates } from './consents';
import { SubscribeNotifier } from './notifier';
import { subscribeNoticeHandlers } from './subscriptions.handlers';
import { SubscribeConsent, SubscribeSend } from './subscriptions.entities';
import { registerSubscriptionHqRoutes, SubscriptionReads } from './subscriptions.hq';
import { registerSubscriptionRoutes } from './subscriptions.routes';

export const subscriptionsModule = defineModule({
  name: 'subscriptions',
  entities: [SubscribeConsent, SubscribeSend],
  migrations: [Subscriptions1796320000001],
  errors: {},
  build(ctx) {
    const templates: SubscribeTemplates = { pointsExpiring: ctx.config.SUBSCRIBE_TMPL_POINTS_EXPIRING, couponPushed: ctx.config.SUBSCRIBE_TMPL_COUPON_PUSHED };
    const consents = new Consents(ctx.ds, ctx.tx, ctx.now, templates);
    const members = ctx.use(authModule).auth;
    const notifier = new SubscribeNotifier({ ds: ctx.ds, tx: ctx.tx, wechat: ctx.wechat, members, log: ctx.log, now: ctx.now, templates });
    subscribeNoticeHandlers(ctx.outbox, notifier);
    const reads = new SubscriptionReads(ctx.ds, members, templates);
    ctx.routes((api) => {
      registerSubscriptionRoutes(api, consents);
      registerSubscriptionHqRoutes(api, reads);
    });
    return { subscriptions: { consents, notifier } };
  },
});
