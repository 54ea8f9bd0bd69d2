/** Coupons: 我的优惠券, 领券中心, 新人礼, product hints. */
import type { CouponTabKey } from '@common/coupon/state';
import type { CouponCenterItemDto, CouponTemplateDto, MemberCouponDto, NewMemberGiftDto } from '@common/coupon/types';
import { request } from './http';

export function fetchMyCoupons(tab: CouponTabKey): Promise<MemberCouponDto[]> {
  return request<MemberCouponDto[]>('GET', '/api/coupons/mine', { query: { tab } });
}

export function fetchCouponCenter(): Promise<CouponCenterItemDto[]> {
  return request<CouponCenterItemDto[]>('GET', '/api/coupons/center');
}

export function claimCoupon(templateId: number): Promise<MemberCouponDto> {
  return request<MemberCouponDto>('POST', `/api/coupons/templates/${templateId}/claim`, { body: {} });
}

export function fetchProductCoupons(productId: number): Promise<CouponTemplateDto[]> {
  return request<CouponTemplateDto[]>('GET', '/api/coupons/for-product', { query: { productId } });
}

export function fetchNewMemberGift(): Promise<NewMemberGiftDto | null> {
  return request<NewMemberGiftDto | null>('GET', '/api/coupons/new-member-gift');
}

export function markNewMemberGiftShown(): Promise<{ firstTime: boolean }> {
  return request<{ firstTime: boolean }>('POST', '/api/coupons/new-member-gift/shown', { body: {} });
}

