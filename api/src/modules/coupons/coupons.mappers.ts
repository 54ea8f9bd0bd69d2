import { describeTerms } from '@common/coupon/rules';
import type { CouponTemplateDto, CouponTerms, MemberCouponDto } from '@common/coupon/types';
import type { CouponTemplate, MemberCoupon } from './coupons.entities';

export const termsOf = (t: CouponTemplate): CouponTerms => ({
  kind: t.kind,
  amountOffFen: t.amountOffFen,
  thresholdFen: t.thresholdFen,
  percentOff: t.percentOff,
  maxOffFen: t.maxOffFen,
  scope: t.scope,
  firstOrderOnly: t.firstOrderOnly,
});

export const toTemplateDto = (t: CouponTemplate): CouponTemplateDto => ({
  id: t.id,
  name: t.name,
  ...termsOf(t),
  summary: describeTerms(t),
  validity: t.validity,
  audience: t.audience,
  totalQuota: t.totalQuota,
  issuedCount: t.issuedCount,
  perMemberLimit: t.perMemberLimit,
  claimable: t.claimable,
  active: t.active,
  usableInStore: t.usableInStore,
});

export const toMemberCouponDto = (c: MemberCoupon, t: CouponTemplate): MemberCouponDto => ({
  id: c.id,
  templateId: t.id,
  name: t.name,
  ...termsOf(t),
  summary: describeTerms(t),
  status: c.status,
  validFrom: c.validFrom.toISOString(),
  validTo: c.validTo.toISOString(),
  source: c.source,
  orderId: c.orderId,
  receivedAt: c.receivedAt.toISOString(),
  usableInStore: t.usableInStore,
  // Only an unused copy shows its code: a used or expired one has nothing left to scan.
  storeCode: t.usableInStore && c.status === 'unused' ? c.storeCode : null,
  redeemedStoreId: c.redeemedStoreId,
});
