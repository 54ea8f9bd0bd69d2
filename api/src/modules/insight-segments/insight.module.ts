/**
 * Member insight, part one: visit days, RFM segments and behaviour tags kept up to date by outbox
 * handlers (orders, refunds, registrations) and re-scored by a nightly lease job, HQ's reads and
 * thresholds, manual tags, and coupon pushes to a segment or tag. Other modules' data comes only
 * through their public read ports (orders' OrderFacts, auth's members, guides' directory, coupons).
 */
import { SEGMENT_LABELS } from '@common/insight/rfm';
import { tagLabelsOf } from '@common/insight/tags';
import { InsightSegments1796300000000 } from '../../db/migrations/1796300000000-insight-segments';
import { SegmentPushListIndex1796700000003 } from '../../db/migrations/1796700000003-segment-push-list-index';
import { defineModule } from '../../platform/module';
import { authModule } from '../auth';
import { CouponBatchReads, couponsModule } from '../coupons';
import { guidesModule } from '../guides';
import { membershipModule } from '../membership';
import { ordersModule } from '../orders';
import { InsightDemo } from './insight.demo';
import { INSIGHT_ENTITIES } from './insight.entities';
import './insight.events';
import type { InsightPorts } from './insight.ports';
import { InsightReads } from './insight.reads';
import { registerInsightRoutes } from './insight.routes';
import { InsightRows } from './insight.rows';
import { InsightSettings } from './insight.settings';
import { InsightNightly } from './nightly';
import { SegmentPushes, type PushPorts } from './segment-push';
import { Visits } from './visits';

/** The job claims the day's work once; every 10 minutes it only checks whether it is due. */
const TEN_MINUTES = 10 * 60_000;

export const insightSegmentsModule = defineModule({
  name: 'insight-segments',
  entities: INSIGHT_ENTITIES,
  migrations: [InsightSegments1796300000000, SegmentPushListIndex1796700000003],
  errors: { INSIGHT_TAG_INVALID: 400, INSIGHT_TAG_LIMIT: 400, SEGMENT_PUSH_KEY_TAKEN: 409, SEGMENT_PUSH_NOT_FOUND: 404, SEGMENT_PUSH_EMPTY: 409 },
  build(ctx) {
    const { ds, tx, now, outbox } = ctx;
    const auth = ctx.use(authModule).auth;
    const orderFacts = ctx.use(ordersModule).orderFacts;
    const directory = ctx.use(guidesModule).guideDirectory;
    const coupons = ctx.use(couponsModule).coupons;
    const couponBatches = new CouponBatchReads(ds);

    const ports: InsightPorts = {
      registeredAt: async (id) => (await auth.memberById(id))?.createdAt ?? null,
      membersAfter: (afterId, limit) => auth.membersAfter(afterId, limit),
      nicknames: async (ids) => new Map((await auth.membersByIds(ids)).map((m) => [m.id, m.nickname])),
      bindingOf: async (id) => (await directory.bindingsOf([id])).get(id) ?? null,
      bindingsOf: (ids) => directory.bindingsOf(ids),
      paidOrder: async (orderId) => {
        const o = await orderFacts.byId(orderId);
        if (!o?.paidAt) return null;
        const usedCoupon = o.adjustments.some((a) => a.kind === 'coupon' && a.appliedFen > 0);
        return { memberId: o.memberId, paidAt: new Date(o.paidAt), payableFen: o.payableFen, refundedFen: o.refundedFen, promo: o.kind === 'group_seat' || usedCoupon };
      },
    };
    const pushPorts: PushPorts = {
      templateName: async (id) => (await coupons.templates.byIds([id]))[0]?.name ?? null,
      grant: (templateId, ids, batchKey) => coupons.grants.push(templateId, ids, batchKey),
      batchStats: (templateId, batchKey) => couponBatches.pushBatch(templateId, batchKey),
      gmvFen: async (orderIds) => [...(await orderFacts.reportFacts(orderIds)).values()].reduce((s, f) => s + (f.paid ? f.netFen : 0), 0),
    };

    const settings = new InsightSettings(ds, tx, now);
    const core = { ds, tx, settings, ports, now };
    const rows = new InsightRows(core);
    const visits = new Visits(tx, outbox, rows, ports, now);
    const reads = new InsightReads(core);
    const nightly = new InsightNightly(core);
    const pushes = new SegmentPushes(ds, tx, outbox, pushPorts, now);

    // Each handler recomputes from current figures (the order's, the member's own orders), so a
    // redelivery writes the same row again; insight_order's key makes a repeated OrderPaid a no-op.
    outbox.subscribe('MemberRegistered', 'insight.registered', (e) => rows.touch(e.memberId));
    outbox.subscribe('OrderPaid', 'insight.order-paid', (e) => rows.applyOrder(e.orderId));
    outbox.subscribe('OrderRefunded', 'insight.order-refunded', (e) => rows.applyOrder(e.orderId));
    outbox.subscribe('SegmentPushRequested', 'insight.segment-push', (e) => pushes.deliver(e.pushId));
    ctx.scheduler.register({ name: 'insight-nightly', run: () => nightly.run(), intervalMs: TEN_MINUTES });

    // The guide's workbench lists their customers with segment and tags (guides is built before us).
    ctx.use(guidesModule).guides.workbench.provideTags(async (ids) => {
      const tags = await reads.tagsOf(ids);
      return new Map([...tags].map(([id, t]) => [id, { segment: SEGMENT_LABELS[t.segment], tags: tagLabelsOf(t) }]));
    });

    // HQ's 会员 list shows each member's segment and filters by one (membership is built before us).
    ctx.use(membershipModule).membership.memberSegments.provide({
      page: (segment, page, pageSize, within) => reads.segmentPage(segment, page, pageSize, within),
      segmentsOf: async (ids) => new Map([...(await reads.tagsOf(ids))].map(([id, t]) => [id, t.segment])),
    });

    ctx.routes((api) => registerInsightRoutes(api, { visits, reads, settings, pushes, scope: ctx.storeScope }));
    return { insight: { reads, rows, nightly, visits, pushes, settings, demo: new InsightDemo(ds, rows, now) } };
  },
});

export type InsightServices = ReturnType<typeof insightSegmentsModule.build>['insight'];
