/** Coupon fixtures for the API tests: templates made through HQ's API, wallet reads. */
import type { TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';

export function aTemplate(over: Record<string, unknown> = {}) {
  return { name: '满99减10', kind: 'amount_off', amountOffFen: 1000, thresholdFen: 9900, validity: { type: 'relative', days: 7 }, totalQuota: 100, perMemberLimit: 1, claimable: true, ...over };
}

export async function createTemplate(app: TestApp, hq: string, over: Record<string, unknown> = {}): Promise<number> {
  return ok(await app.api.post('/api/hq/coupon-templates', aTemplate(over), hq), 201).id;
}

export const couponsOf = (app: TestApp, token: string) => ({
  center: () => app.api.get('/api/coupons/center', token),
  claim: (templateId: number) => app.api.post(`/api/coupons/templates/${templateId}/claim`, undefined, token),
  mine: (tab = 'usable') => app.api.get(`/api/coupons/mine?tab=${tab}`, token),
  gift: () => app.api.get('/api/coupons/new-member-gift', token),
  giftShown: () => app.api.post('/api/coupons/new-member-gift/shown', undefined, token),
});
