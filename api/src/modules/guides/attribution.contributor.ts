/**
 * The attribution checkout contributor: quote decides the guide the order belongs to (the bound
 * guide, else the sharing guide) from the shopper's binding, recent touches and the token the
 * shopper came in with (`shareToken`, ignored when forged or expired) and sets `draft.guideId`;
 * reserve writes the immutable attribution snapshot inside the order transaction.
 */
import { z } from 'zod';
import type { AttributionCheckoutNote } from '@common/attribution/checkout-notes';
import { type CheckoutContributor, RANK } from '../orders';
import type { AttributionService } from './attribution.service';

export function attributionContributor(attribution: AttributionService): CheckoutContributor {
  return {
    name: 'attribution',
    rank: RANK.attribution,
    field: { name: 'shareToken', schema: z.string().max(64).optional(), description: '进入商城时的分享令牌（卡片路径的 t 参数）；无效令牌被忽略' },
    // The binding, touches and rule version come with checkout's one member read.
    memberRead: attribution.memberRead,
    async quote(draft) {
      const token = typeof draft.body.shareToken === 'string' ? draft.body.shareToken : undefined;
      const rows = draft.memberRows?.get('attribution');
      const decided: AttributionCheckoutNote = rows ? await attribution.decideFromRows(rows, draft.memberId, draft.now, token) : await attribution.decide(draft.memberId, draft.now, token);
      draft.guideId = decided.guideId;
      draft.notes.attribution = decided;
    },
    async reserve(ctx) {
      const decided = ctx.draft.notes.attribution;
      if (decided) await attribution.snapshot(ctx.m, ctx.order.id, ctx.order.memberId, decided, ctx.now);
    },
  };
}
