/**
 * Demo data of coupons usable in store (门店核销): 领券中心's 全场 满99减15 is also usable at the
 * counter, so once claimed, 我的优惠券 shows its store code as a barcode.
 */
import type { Services } from '../app';
import type { DemoPromotions } from './demo-loop';

export async function seedStoreCoupons(s: Services, promotions: DemoPromotions): Promise<void> {
  const templateId = promotions.couponIds.get('store-99-15');
  if (templateId === undefined) throw new Error('demo data: no 满99减15 coupon to make usable in store');
  await s.coupons.templates.patch(templateId, { usableInStore: true });
}
