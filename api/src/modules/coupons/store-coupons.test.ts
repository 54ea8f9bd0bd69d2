import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { RANK, type CheckoutContributor } from '../orders';
import { createSku, ok } from '../../../test/shopping';
import { postOrder, shopperWithAddress, type Shopper } from '../orders/orders.test-support';
import { MemberCoupon } from './coupons.entities';
import { couponsOf, createTemplate } from './coupons.test-support';

/** The file's clock: real time plus a shift a test may set (and must put back). */
let shiftMs = 0;
const clock = () => new Date(Date.now() + shiftMs);
const STORE = 7;
const RACE_ROUNDS = 10;

/**
 * Fires the counter's redemption from inside the order transaction, just before the coupon's own
 * reserve (its lock UPDATE), and waits `gateMs` (varied per round, never for the redemption
 * itself): the two UPDATEs reach the database at about the same moment, in either order.
 */
let atReserve: (() => void) | null = null;
let gateMs = 0;
const raceGate: CheckoutContributor = {
  name: 'test-race-gate',
  rank: RANK.coupon - 1,
  async reserve() {
    const fire = atReserve;
    atReserve = null;
    if (!fire) return;
    fire();
    await new Promise((r) => setTimeout(r, gateMs));
  },
};

interface WalletCoupon {
  id: number;
  storeCode: string | null;
  usableInStore: boolean;
  redeemedStoreId: number | null;
}

describe('coupons usable in store (store code, redeemInStore racing online checkout)', () => {
  let app: TestApp;
  let hq: string;

  beforeAll(async () => {
    app = await startTestApp({}, { now: clock, extend: (services) => services.contributors.register(raceGate) });
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  const redeem = (code: string, receiptNo: string | null = null, storeId = STORE) => app.services.coupons.redeemInStore({ storeId, code, receiptNo });
  const row = (id: number) => app.ds.getRepository(MemberCoupon).findOneByOrFail({ id });
  const wallet = async (s: Shopper, tab = 'usable'): Promise<WalletCoupon[]> => ok(await couponsOf(app, s.token).mine(tab));
  /** A shopper holding one copy of `templateId`, and that copy as 我的优惠券 shows it. */
  async function holder(templateId: number): Promise<{ s: Shopper; coupon: WalletCoupon }> {
    const s = await shopperWithAddress(app);
    const id = ok(await couponsOf(app, s.token).claim(templateId), 201).id;
    return { s, coupon: (await wallet(s)).find((c) => c.id === id)! };
  }

  it('HQ marks a template usable in store (create and edit, audited); only its unused copies show a 12-digit code, the same on every read, and HQ never sees it', async () => {
    const inStore = await createTemplate(app, hq, { name: '门店满99减10', usableInStore: true, totalQuota: 10 });
    const online = await createTemplate(app, hq, { name: '线上专享' });
    const templates = ok(await app.api.get('/api/hq/coupon-templates', hq)).items;
    expect(templates.find((t: { id: number }) => t.id === inStore)).toMatchObject({ usableInStore: true });
    expect(templates.find((t: { id: number }) => t.id === online)).toMatchObject({ usableInStore: false });

    const a = await holder(inStore);
    expect(a.coupon).toMatchObject({ usableInStore: true, redeemedStoreId: null });
    expect(a.coupon.storeCode).toMatch(/^\d{12}$/);
    const b = await holder(inStore);
    expect(b.coupon.storeCode).toMatch(/^\d{12}$/);
    expect(b.coupon.storeCode).not.toBe(a.coupon.storeCode);
    // Parallel first reads of one wallet agree on one code.
    const c = await shopperWithAddress(app);
    const cId = ok(await couponsOf(app, c.token).claim(inStore), 201).id;
    const reads = await Promise.all([0, 1, 2, 3].map(() => wallet(c)));
    const codes = new Set(reads.map((list) => list.find((x) => x.id === cId)!.storeCode));
    expect(codes.size).toBe(1);
    expect((await row(cId)).storeCode).toBe([...codes][0]);
    expect((await wallet(a.s)).find((x) => x.id === a.coupon.id)!.storeCode).toBe(a.coupon.storeCode);

    const plain = await holder(online);
    expect(plain.coupon).toMatchObject({ usableInStore: false, storeCode: null });
    expect((await row(plain.coupon.id)).storeCode).toBeNull();
    const hqView = ok(await app.api.get(`/api/hq/members/${a.s.memberId}/coupons`, hq));
    expect(hqView[0]).toMatchObject({ id: a.coupon.id, usableInStore: true, storeCode: null });

    // Edit: the flag turns on for an existing template; its copies get codes on their next read.
    ok(await app.api.patch(`/api/hq/coupon-templates/${online}`, { usableInStore: true }, hq));
    expect((await wallet(plain.s))[0].storeCode).toMatch(/^\d{12}$/);
    const audit = ok(await app.api.get(`/api/hq/audit?objectType=coupon-templates&objectId=${online}`, hq));
    expect(audit.items[0]).toMatchObject({ before: { usableInStore: false }, after: { usableInStore: true } });
    const bad = await app.api.patch(`/api/hq/coupon-templates/${online}`, { usableInStore: 'yes' }, hq);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('usableInStore');
  });

  it('redeemInStore: the contract’s answer, the store and receipt recorded, 已使用 in the wallet; a retry with the same receipt answers again, anything else is refused', async () => {
    const templateId = await createTemplate(app, hq, { name: '门店满99减10', usableInStore: true });
    const { s, coupon } = await holder(templateId);
    const code = coupon.storeCode!;
    expect(await redeem(code, 'R-0001')).toEqual({ memberCouponId: coupon.id, memberId: s.memberId, templateName: '门店满99减10', discountFen: 1000, thresholdFen: 9900 });
    expect(await row(coupon.id)).toMatchObject({ status: 'used', redeemedStoreId: STORE, receiptNo: 'R-0001', orderId: null });
    expect((await row(coupon.id)).usedAt).not.toBeNull();
    expect(await wallet(s)).toEqual([]);
    expect(await wallet(s, 'used')).toEqual([expect.objectContaining({ id: coupon.id, storeCode: null, redeemedStoreId: STORE })]);

    expect(await redeem(code, 'R-0001')).toMatchObject({ memberCouponId: coupon.id });
    await expect(redeem(code, 'R-0002')).rejects.toMatchObject({ code: 'COUPON_ALREADY_USED', status: 409 });
    await expect(redeem(code, 'R-0001', STORE + 1)).rejects.toMatchObject({ code: 'COUPON_ALREADY_USED', status: 409 });
    await expect(redeem(code, null)).rejects.toMatchObject({ code: 'COUPON_ALREADY_USED' });
    // The online checkout cannot use it after the counter did.
    const sku = await createSku(app, hq, 10000, 5);
    const order = await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], couponId: coupon.id });
    expect([order.status, order.body.code]).toEqual([409, 'COUPON_NOT_USABLE']);
  });

  it('refusals: unknown or malformed code 404, template no longer in store 409, in an unpaid order 409 until cancelled, expired 409, bad receipt 400; a 折扣 coupon answers discountFen null', async () => {
    await expect(redeem('000000000000')).rejects.toMatchObject({ code: 'COUPON_CODE_NOT_FOUND', status: 404 });
    await expect(redeem('12345')).rejects.toMatchObject({ code: 'COUPON_CODE_NOT_FOUND', status: 404 });
    await expect(redeem("1' OR 1=1 --")).rejects.toMatchObject({ code: 'COUPON_CODE_NOT_FOUND' });

    const templateId = await createTemplate(app, hq, { usableInStore: true, perMemberLimit: 3 });
    const { s, coupon } = await holder(templateId);
    await expect(redeem(coupon.storeCode!, 'x'.repeat(65))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    ok(await app.api.patch(`/api/hq/coupon-templates/${templateId}`, { usableInStore: false }, hq));
    await expect(redeem(coupon.storeCode!)).rejects.toMatchObject({ code: 'COUPON_NOT_USABLE_IN_STORE', status: 409 });
    expect((await wallet(s))[0]).toMatchObject({ id: coupon.id, storeCode: null });
    ok(await app.api.patch(`/api/hq/coupon-templates/${templateId}`, { usableInStore: true }, hq));

    const sku = await createSku(app, hq, 10000, 5);
    const order = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], couponId: coupon.id }), 201);
    await expect(redeem(coupon.storeCode!)).rejects.toMatchObject({ code: 'COUPON_ALREADY_USED', status: 409 });
    ok(await app.api.post(`/api/orders/${order.id}/cancel`, {}, s.token));
    expect(await redeem(coupon.storeCode!)).toMatchObject({ memberCouponId: coupon.id });

    const now = clock();
    const fixed = await createTemplate(app, hq, { usableInStore: true, validity: { type: 'fixed', from: new Date(now.getTime() - 3_600_000).toISOString(), to: new Date(now.getTime() + 3_600_000).toISOString() } });
    const later = await holder(fixed);
    shiftMs = 2 * 3_600_000;
    try {
      await expect(redeem(later.coupon.storeCode!)).rejects.toMatchObject({ code: 'COUPON_EXPIRED', status: 409 });
    } finally {
      shiftMs = 0;
    }
    expect((await row(later.coupon.id)).status).toBe('unused');

    const percent = await createTemplate(app, hq, { name: '门店九折', kind: 'percent_off', percentOff: 10, maxOffFen: 2000, thresholdFen: 0, usableInStore: true });
    const p = await holder(percent);
    expect(await redeem(p.coupon.storeCode!, null)).toMatchObject({ templateName: '门店九折', discountFen: null, thresholdFen: 0 });
  });

  it(`one coupon at the counter and in an online checkout at the same moment: exactly one wins, ${RACE_ROUNDS} rounds`, async () => {
    const templateId = await createTemplate(app, hq, { usableInStore: true, totalQuota: RACE_ROUNDS });
    const sku = await createSku(app, hq, 10000, RACE_ROUNDS + 5);
    const wins = { store: 0, online: 0 };
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const { s, coupon } = await holder(templateId);
      gateMs = (round % 6) * 4;
      let counter!: Promise<{ ok: true } | { ok: false; code?: string }>;
      const fired = new Promise<void>((resolve) => {
        atReserve = () => {
          counter = redeem(coupon.storeCode!, `RACE-${round}`).then(() => ({ ok: true as const }), (err: { code?: string; message?: string }) => ({ ok: false as const, code: err.code ?? err.message }));
          resolve();
        };
      });
      const online = await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], couponId: coupon.id });
      await fired;
      const store = await counter;
      const after = await row(coupon.id);
      if (store.ok) {
        wins.store++;
        expect([online.status, online.body.code]).toEqual([409, 'COUPON_NOT_USABLE']);
        expect(after).toMatchObject({ status: 'used', redeemedStoreId: STORE, receiptNo: `RACE-${round}`, orderId: null });
        expect(ok(await app.api.get('/api/orders', s.token)).items).toHaveLength(0);
      } else {
        wins.online++;
        expect(online.status).toBe(201);
        expect(store).toEqual({ ok: false, code: 'COUPON_ALREADY_USED' });
        expect(after).toMatchObject({ status: 'locked', orderId: online.body.data.id, redeemedStoreId: null, receiptNo: null });
      }
    }
    expect(wins.store + wins.online).toBe(RACE_ROUNDS);
  });
});
