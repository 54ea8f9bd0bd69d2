/**
 * After commit: the refunds of a failed group go to WeChat Pay, and each seat's shopper gets one
 * subscribe message with the result. "At most once per seat" is a claim on the seat row
 * (`notice IS NULL` → the kind) made before the send; a redelivered event finds it claimed.
 * A shopper who refused consent (43101) simply gets nothing.
 */
import { In, type DataSource } from 'typeorm';
import { formatFen } from '@common/money';
import type { Logger } from '../../logger';
import { WeChatApiError, type WeChatClient } from '../../wechat/client';
import type { AuthService } from '../auth';
import type { OrderFacts } from '../orders';
import type { Outbox } from '../outbox';
import type { RefundsService } from '../payments';
import { GbCampaign, GbSeat } from './groupbuy.entities';

export interface NoticeTemplates {
  success: string;
  failure: string;
}

export function subscribeGroupNotices(deps: { ds: DataSource; outbox: Outbox; refunds: RefundsService; members: Pick<AuthService, 'membersByIds'>; orders: Pick<OrderFacts, 'byIds'>; wechat: WeChatClient; log: Logger; templates: NoticeTemplates; now: () => Date }): void {
  const { ds, outbox, refunds } = deps;

  const notify = async (seats: GbSeat[], kind: 'success' | 'failure') => {
    const template = kind === 'success' ? deps.templates.success : deps.templates.failure;
    if (!template || !seats.length) return;
    const members = new Map((await deps.members.membersByIds(seats.map((s) => s.memberId))).map((m) => [m.id, m]));
    const orders = new Map((await deps.orders.byIds(seats.map((s) => s.orderId))).map((o) => [o.id, o]));
    const campaign = await ds.getRepository(GbCampaign).findOneByOrFail({ id: seats[0].campaignId });
    for (const seat of seats) {
      // The claim: one notice per seat, whatever redelivers the event.
      const claim = await ds.getRepository(GbSeat).createQueryBuilder().update().set({ notice: kind }).where('id = :id AND notice IS NULL', { id: seat.id }).execute();
      if (!claim.affected) continue;
      const member = members.get(seat.memberId);
      const order = orders.get(seat.orderId);
      if (!member || !order) continue;
      try {
        await deps.wechat.sendSubscribeMessage({
          touser: member.openid,
          templateId: template,
          page: `packages/groupbuy/group/index?id=${seat.groupId}`,
          data: {
            thing1: { value: campaign.title.slice(0, 20) },
            amount2: { value: formatFen(order.payableFen) },
            thing3: { value: kind === 'success' ? '拼团成功，我们将尽快为你发货' : '拼团未成功，款项已原路退回' },
          },
        });
      } catch (err) {
        // Claimed and not sent: at most once means a lost notice, never a second one.
        if (err instanceof WeChatApiError && err.errcode === 43101) continue;
        deps.log.warn({ err, seatId: seat.id }, 'group notice not sent');
      }
    }
  };

  outbox.subscribe('GroupSucceeded', 'groupbuy.notice-success', async ({ groupId }) => {
    await notify(await ds.getRepository(GbSeat).findBy({ groupId, status: 'paid' }), 'success');
  });

  outbox.subscribe('GroupFailed', 'groupbuy.refund-and-notice', async ({ groupId, refundIds }) => {
    // submit() does nothing for a refund already sent or settled, so a redelivery is harmless.
    for (const id of refundIds) await refunds.submit(id);
    const orderIds = await refunds.orderIdsOf(refundIds);
    if (orderIds.length) await notify(await ds.getRepository(GbSeat).findBy({ groupId, orderId: In(orderIds) }), 'failure');
  });
}
