/** Coupon fixtures for the API tests: templates made through HQ's API, wallet reads. */
import type { ApiResult, TestApp } from '../../../test/harness';
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

/** As a client does: a 503 (the pool's wait queue full under a burst) is sent again after a moment. */
export async function persist(send: () => Promise<ApiResult>): Promise<ApiResult> {
  for (;;) {
    const r = await send();
    if (r.status !== 503) return r;
    await new Promise((done) => setTimeout(done, 50 + Math.random() * 100));
  }
}

/** Makes `n` of something 20 at a time (fixtures, not the race under test). */
export async function inBatches<T>(n: number, make: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) out.push(...(await Promise.all(Array.from({ length: Math.min(20, n - out.length) }, make))));
  return out;
}
