/**
 * Offline sales and returns through the signed POS API, against the real database: member code
 * identify (2-minute window), receipt idempotency under 20 parallel postings, points by the same
 * rule and tier multiplier, growth, attribution, returns (prorated claw-back, never more than
 * the sale), the outbox events, HQ's list and summary, and offline commission in the guide's ledger.
 */
import { issueMemberToken } from '../../platform/member-token';
import { FakePos, saleBody } from '../../../test/fake-pos';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { aGuide, aStore, touch, type GuideFixture } from '../guides/guides.test-support';

describe('POS sales and returns', () => {
  let app: TestApp;
  let hq: string;
  let guide: GuideFixture;
  let pos: FakePos;
  let receipt = 0;
  const nextReceipt = () => `T${process.pid}-${++receipt}`;
  const token = (memberId: number, at = new Date()) => issueMemberToken(app.services.config.SESSION_SECRET, memberId, at).token;
  const account = async (memberId: number) => (await app.ds.query('SELECT balance, debt FROM points_account WHERE member_id = ?', [memberId]))[0] ?? { balance: 0, debt: 0 };
  const growth = async (memberId: number) => Number((await app.ds.query('SELECT growth FROM member_profile WHERE member_id = ?', [memberId]))[0]?.growth ?? 0);
  const identify = async (memberId: number) => ok(await pos.identify(token(memberId))).memberRef as string;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    guide = await aGuide(app, hq);
    const key = ok(await app.api.post(`/api/hq/stores/${guide.storeId}/pos-keys`, { label: '收银台' }, hq), 201);
    pos = new FakePos(app.url, key.keyId, key.secret);
  });
  afterAll(() => app.close());

  it('identifies a member by a fresh member code and refuses one older than 2 minutes or forged', async () => {
    const shopper = await loginShopper(app);
    const who = ok(await pos.identify(token(shopper.memberId)));
    expect(who).toMatchObject({ memberId: shopper.memberId, tier: 'basic', pointsBalance: 0 });
    expect(who.memberRef).toMatch(/^R/);
    const old = await pos.identify(token(shopper.memberId, new Date(Date.now() - 121_000)));
    expect([old.status, old.body.code, old.body.issues?.[0]?.field]).toEqual([400, 'POS_MEMBER_CODE_INVALID', 'memberToken']);
    const forged = token(shopper.memberId).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await pos.identify(forged)).body.code).toBe('POS_MEMBER_CODE_INVALID');
    // A member reference is bound to the store that identified: another store's till cannot use it.
    const otherStore = await aStore(app, hq);
    const k2 = ok(await app.api.post(`/api/hq/stores/${otherStore}/pos-keys`, { label: '别店' }, hq), 201);
    const res = await new FakePos(app.url, k2.keyId, k2.secret).sale(saleBody(nextReceipt(), 100, { memberRef: who.memberRef }));
    expect([res.status, res.body.code]).toEqual([400, 'POS_MEMBER_REF_INVALID']);
  });

  it('20 parallel postings of one receipt make one sale that earns points once', async () => {
    const shopper = await loginShopper(app);
    const memberRef = await identify(shopper.memberId);
    const body = saleBody(nextReceipt(), 12_345, { memberRef });
    const answers = await Promise.all(Array.from({ length: 20 }, () => pos.sale(body)));
    expect(answers.map((a) => a.status).sort((x, y) => x - y)).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(answers.map((a) => a.body.data.saleId)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect(answers[0].body.data).toMatchObject({ memberId: shopper.memberId, pointsEarned: 123, payableFen: 12_345 });
    const [{ n }] = await app.ds.query('SELECT COUNT(*) AS n FROM pos_sale WHERE receipt_no = ?', [body.receiptNo]);
    expect(Number(n)).toBe(1);
    expect(Number((await account(shopper.memberId)).balance)).toBe(123);
    const ledger = ok(await app.api.get('/api/points/ledger', shopper.token));
    expect(ledger.items.filter((e: { reason: string }) => e.reason === `门店消费 小票 ${body.receiptNo}`)).toHaveLength(1);
    expect(await growth(shopper.memberId)).toBe(123);
    const [{ events }] = await app.ds.query("SELECT COUNT(*) AS events FROM outbox_event WHERE type = 'OfflineSaleRecorded' AND aggregate_id = ?", [String(answers[0].body.data.saleId)]);
    expect(Number(events)).toBe(1);
  });

  it('answers the first result to the same body in another key order, and 409 to another body', async () => {
    const body = saleBody(nextReceipt(), 800);
    const first = ok(await pos.sale(body), 201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect(ok(await pos.sale(reordered))).toEqual(first);
    const other = await pos.sale({ ...body, payableFen: 700, totalFen: 700, lines: [{ ...body.lines[0], unitFen: 700, amountFen: 700 }] });
    expect([other.status, other.body.code]).toEqual([409, 'POS_RECEIPT_CONFLICT']);
    const bad = await pos.sale({ ...saleBody(nextReceipt(), 800), payableFen: 799 });
    expect([bad.status, bad.body.issues?.[0]?.field]).toEqual([400, 'payableFen']);
    const future = await pos.sale(saleBody(nextReceipt(), 800, { soldAt: new Date(Date.now() + 3600_000).toISOString() }));
    expect([future.status, future.body.issues?.[0]?.field]).toEqual([400, 'soldAt']);
    const noId = await pos.sale({ ...saleBody(nextReceipt(), 800), guideId: '3' });
    expect([noId.status, noId.body.issues?.[0]?.field]).toEqual([400, 'guideId']);
  });

  it('earns with the tier multiplier once growth raised the tier', async () => {
    const shopper = await loginShopper(app);
    ok(await pos.sale(saleBody(nextReceipt(), 100_000, { memberRef: await identify(shopper.memberId) })), 201);
    expect(await growth(shopper.memberId)).toBe(1000);
    const who = ok(await pos.identify(token(shopper.memberId)));
    expect(who.tier).toBe('silver');
    const second = ok(await pos.sale(saleBody(nextReceipt(), 10_000, { memberRef: who.memberRef })), 201);
    expect(second.pointsEarned).toBe(120);
  });

  it('attributes to the bound guide, else to the counter’s guide of this store', async () => {
    const bound = await loginShopper(app);
    await touch(app, bound.token, guide.shareToken);
    const colleague = await aGuide(app, hq, guide.storeId);
    const a = ok(await pos.sale(saleBody(nextReceipt(), 500, { memberRef: await identify(bound.memberId), guideId: colleague.id })), 201);
    expect(a).toMatchObject({ guideId: guide.id, attribution: 'bound_guide' });
    const b = ok(await pos.sale(saleBody(nextReceipt(), 500, { guideId: colleague.id })), 201);
    expect(b).toMatchObject({ guideId: colleague.id, attribution: 'counter_guide' });
    const elsewhere = await aGuide(app, hq);
    expect((await pos.sale(saleBody(nextReceipt(), 500, { guideId: elsewhere.id }))).status).toBe(404);
    const [row] = await app.ds.query('SELECT attribution_evidence FROM pos_sale WHERE id = ?', [a.saleId]);
    expect(JSON.parse(row.attribution_evidence)).toEqual({ boundGuideId: guide.id, counterGuideId: colleague.id });
  });

  it('returns take back prorated points and growth; more than the sale holds is 409', async () => {
    const shopper = await loginShopper(app);
    const sale = ok(await pos.sale(saleBody(nextReceipt(), 10_000, { memberRef: await identify(shopper.memberId) })), 201);
    expect(sale.pointsEarned).toBe(100);
    const returnedAt = new Date().toISOString();
    const back = (returnNo: string, amountFen: number, receiptNo = sale.receiptNo) => pos.returnGoods({ returnNo, receiptNo, amountFen, returnedAt });
    const tooMuch = await back(`${sale.receiptNo}-X`, 10_001);
    expect([tooMuch.status, tooMuch.body.code]).toEqual([409, 'POS_RETURN_EXCEEDS_SALE']);
    const r1 = ok(await back(`${sale.receiptNo}-R1`, 3_000), 201);
    expect(r1).toMatchObject({ amountFen: 3_000, returnedTotalFen: 3_000, pointsTakenBack: 30 });
    expect(ok(await back(`${sale.receiptNo}-R1`, 3_000))).toEqual(r1);
    expect((await back(`${sale.receiptNo}-R1`, 2_000)).body.code).toBe('POS_RETURN_CONFLICT');
    // Parallel returns of the rest: the conditional update lets exactly what remains through.
    const rest = await Promise.all([back(`${sale.receiptNo}-R2`, 7_000), back(`${sale.receiptNo}-R3`, 7_000)]);
    expect(rest.map((r) => r.status).sort((x, y) => x - y)).toEqual([201, 409]);
    expect((await account(shopper.memberId)).balance).toEqual(0);
    expect(await growth(shopper.memberId)).toBe(0);
    const [{ returned }] = await app.ds.query('SELECT returned_fen AS returned FROM pos_sale WHERE id = ?', [sale.saleId]);
    expect(Number(returned)).toBe(10_000);
    expect((await back('NOPE-1', 100, 'NO-SUCH-RECEIPT')).status).toBe(404);
    const [{ events }] = await app.ds.query("SELECT COUNT(*) AS events FROM outbox_event WHERE type = 'OfflineSaleReturned' AND aggregate_id = ?", [String(sale.saleId)]);
    expect(Number(events)).toBe(2);
  });

  it('doubles the points once when the member added this store’s guide within 30 minutes of a counter scan', async () => {
    ok(await app.api.call('PUT', '/api/hq/pos/settings', { body: { doublePoints: true, offlineCommission: false }, token: hq }));
    const shopper = await loginShopper(app);
    const memberRef = await identify(shopper.memberId);
    const [{ unionid }] = await app.ds.query('SELECT unionid FROM member WHERE id = ?', [shopper.memberId]);
    await app.fakeWecom!.addCustomer({ userId: guide.wecomUserId, state: `g${guide.id}`, unionid });
    await app.services.outbox.drain();
    const first = ok(await pos.sale(saleBody(nextReceipt(), 5_000, { memberRef })), 201);
    expect(first).toMatchObject({ pointsEarned: 50, bonusPoints: 50 });
    const second = ok(await pos.sale(saleBody(nextReceipt(), 5_000, { memberRef })), 201);
    expect(second).toMatchObject({ pointsEarned: 50, bonusPoints: 0 });
    expect(Number((await account(shopper.memberId)).balance)).toBe(150);
    // Without a scan first, an add earns nothing extra.
    const unscanned = await loginShopper(app);
    const [{ unionid: u2 }] = await app.ds.query('SELECT unionid FROM member WHERE id = ?', [unscanned.memberId]);
    await app.fakeWecom!.addCustomer({ userId: guide.wecomUserId, state: `g${guide.id}`, unionid: u2 });
    await app.services.outbox.drain();
    // WeCom times the add in whole seconds: scan in a later second, so it is plainly after the add.
    await new Promise((r) => setTimeout(r, 1100));
    const ref2 = await identify(unscanned.memberId);
    expect(ok(await pos.sale(saleBody(nextReceipt(), 5_000, { memberRef: ref2 })), 201).bonusPoints).toBe(0);
    ok(await app.api.call('PUT', '/api/hq/pos/settings', { body: { doublePoints: false, offlineCommission: false }, token: hq }));
  });

  it('accrues guide commission on offline sales only while HQ has it on, and reverses it by returns', async () => {
    const seller = await aGuide(app, hq, guide.storeId);
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const commissionOf = async () => (ok(await app.api.get(`/api/hq/pos/summary?from=${day}&to=${day}`, hq)) as { guideId: number; offlineCommissionFen: number }[]).find((r) => r.guideId === seller.id)?.offlineCommissionFen;
    ok(await pos.sale(saleBody(nextReceipt(), 10_000, { guideId: seller.id })), 201);
    expect(await commissionOf()).toBe(0);
    ok(await app.api.call('PUT', '/api/hq/pos/settings', { body: { doublePoints: false, offlineCommission: true }, token: hq }));
    const sale = ok(await pos.sale(saleBody(nextReceipt(), 10_000, { guideId: seller.id })), 201);
    expect(await commissionOf()).toBe(300); // 3 % default rate
    ok(await pos.returnGoods({ returnNo: `${sale.receiptNo}-C`, receiptNo: sale.receiptNo, amountFen: 5_000, returnedAt: new Date().toISOString() }), 201);
    expect(await commissionOf()).toBe(150);
    ok(await app.api.call('PUT', '/api/hq/pos/settings', { body: { doublePoints: false, offlineCommission: false }, token: hq }));
  });

  it("books offline commission in the guide's own ledger: once per receipt, reversed by returns, in the workbench and the settlement CSV", async () => {
    const seller = await aGuide(app, hq, guide.storeId);
    const entries = async () => ok(await app.api.get(`/api/hq/guides/${seller.id}/commission/entries?page=1&pageSize=50`, hq)).items as { orderNo: string; kind: string; amountFen: number }[];
    // Commission off: the sale books nothing in the guide's ledger.
    ok(await pos.sale(saleBody(nextReceipt(), 10_000, { guideId: seller.id })), 201);
    expect(await entries()).toEqual([]);
    ok(await app.api.call('PUT', '/api/hq/pos/settings', { body: { doublePoints: false, offlineCommission: true }, token: hq }));
    // 20 parallel postings of one receipt: one sale, one ledger entry.
    const body = saleBody(nextReceipt(), 20_000, { guideId: seller.id });
    const answers = await Promise.all(Array.from({ length: 20 }, () => pos.sale(body)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(await entries()).toEqual([expect.objectContaining({ orderNo: `线下 ${body.receiptNo}`, kind: 'released', amountFen: 600 })]);
    // A return of a quarter reverses a quarter, through the same ledger (a replayed return adds nothing).
    const ret = { returnNo: `${body.receiptNo}-R`, receiptNo: body.receiptNo, amountFen: 5_000, returnedAt: new Date().toISOString() };
    ok(await pos.returnGoods(ret), 201);
    ok(await pos.returnGoods(ret));
    expect((await entries()).map((e) => [e.kind, e.amountFen])).toEqual([['reversed_released', 150], ['released', 600]]);
    const { figures, ledger, offline } = ok(await app.api.get(`/api/hq/guides/${seller.id}/commission`, hq));
    expect(figures).toMatchObject({ accruedFen: 600, heldFen: 0, releasedFen: 450, reversedFen: 150 });
    expect([ledger.released, offline]).toEqual([0, { releasedFen: 600, reversedFen: 150 }]);
    // The guide's workbench shows the receipt in its month; the settlement CSV pays 6.00 − 1.50.
    const months = ok(await app.api.get('/api/guide/orders', seller.token)) as { month: string; releasedFen: number; offline: unknown[] }[];
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    expect(months.find((m) => m.month === month)).toMatchObject({ releasedFen: 450, offline: [{ receiptNo: body.receiptNo, commissionFen: 600, reversedFen: 150 }] });
    const csv = await (await fetch(`${app.url}/api/hq/guides/${seller.id}/commission/settlement?month=${month}`, { headers: { authorization: `Bearer ${hq}` } })).text();
    expect(csv).toContain(`线下 ${body.receiptNo}`);
    expect(csv.trim().split('\r\n').pop()).toMatch(/应结算佣金,,4\.50$/);
    ok(await app.api.call('PUT', '/api/hq/pos/settings', { body: { doublePoints: false, offlineCommission: false }, token: hq }));
  });

  it('lists offline sales for HQ with filters and sums them per store and guide beside online GMV; a store manager sees only their store', async () => {
    const page = ok(await app.api.get(`/api/hq/pos/sales?storeId=${guide.storeId}&guideId=${guide.id}&pageSize=50`, hq));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((s: { storeId: number; guideId: number }) => s.storeId === guide.storeId && s.guideId === guide.id)).toBe(true);
    const today = page.items[0].day;
    const summary = ok(await app.api.get(`/api/hq/pos/summary?from=${today}&to=${today}`, hq));
    const mine = summary.find((r: { storeId: number; guideId: number | null }) => r.storeId === guide.storeId && r.guideId === guide.id);
    const sales: { payableFen: number; returnedFen: number }[] = page.items;
    expect(mine.offlinePayableFen).toBe(sales.reduce((n, s) => n + s.payableFen, 0));
    expect(mine.offlineNetFen).toBe(mine.offlinePayableFen - mine.offlineReturnedFen);
    expect(mine.totalGmvFen).toBe(mine.offlineNetFen + mine.onlineGmvFen);
    ok(await app.api.post('/api/hq/accounts', { username: 'possales', password: 'manager-pass-1', role: 'store_manager', storeId: guide.storeId }, hq), 201);
    const mgr = await loginHq(app, 'possales', 'manager-pass-1');
    expect(ok(await app.api.get('/api/hq/pos/sales', mgr)).items.every((s: { storeId: number }) => s.storeId === guide.storeId)).toBe(true);
    expect((await app.api.get(`/api/hq/pos/sales?storeId=${guide.storeId + 1000}`, mgr)).status).toBe(404);
    expect(ok(await app.api.get(`/api/hq/pos/summary?from=${today}&to=${today}`, mgr)).every((r: { storeId: number }) => r.storeId === guide.storeId)).toBe(true);
  });
});
