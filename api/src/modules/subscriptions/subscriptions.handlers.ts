/**
 * The events that send a subscribe message, each under its event key: the points reminder (the
 * points job's PointsExpiring, 30 days before lots expire) and a coupon pushed to the member.
 */
import { shanghaiDate } from '@common/membership/shanghai';
import { eventKeys } from '@common/subscriptions/rules';
import type { Outbox } from '../outbox';
import type { SubscribeNotifier } from './notifier';

/** WeChat's `thing` fields take at most 20 characters. */
const thing = (s: string) => ({ value: s.slice(0, 20) });

export function subscribeNoticeHandlers(outbox: Outbox, notifier: SubscribeNotifier): void {
  outbox.subscribe('PointsExpiring', 'subscriptions.points-expiring', async (e) => {
    await notifier.notify({
      memberId: e.memberId,
      kind: 'pointsExpiring',
      eventKey: eventKeys.pointsExpiring(e.expiresAt),
      page: 'packages/points/ledger/index',
      // expiresAt is the first instant they are gone (Shanghai midnight): the last day is the one before.
      data: { number1: { value: String(e.points) }, date2: { value: shanghaiDate(new Date(Date.parse(e.expiresAt) - 1)) }, thing3: thing('积分即将过期，去积分商城兑换吧') },
    });
  });
  outbox.subscribe('CouponPushed', 'subscriptions.coupon-pushed', async (e) => {
    await notifier.notify({
      memberId: e.memberId,
      kind: 'couponPushed',
      eventKey: eventKeys.couponPushed(e.memberCouponId),
      page: 'packages/coupons/mine/index',
      data: { thing1: thing(e.name), thing2: thing(e.summary), date3: { value: shanghaiDate(new Date(e.validTo)) } },
    });
  });
}
