/** HQ: one member's coupons, for the console's member detail. */
import { z } from 'zod';
import { HQ_WIDE } from '@common/hq/roles';
import type { ApiRouter } from '../../http/api-router';
import { zs } from '../../http/validate';
import type { CouponWallet } from './coupon-wallet';

const MemberParams = z.object({ id: zs.id() });

export function registerMemberCouponsRoute(api: ApiRouter, wallet: CouponWallet): void {
  api.route({ method: 'get', path: '/api/hq/members/:id/coupons', tag: 'coupons', summary: '总部：会员的优惠券（新的在前）', access: { hq: HQ_WIDE }, params: MemberParams }, (_c, { params }) =>
    wallet.allOf(params.id),
  );
}
