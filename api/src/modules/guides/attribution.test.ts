/**
 * Touches, binding and attribution through the API: forged, expired and revoked tokens are
 * ignored (never an error), touches dedupe per hour, the protection period holds, a guide who
 * left earns nothing new and HQ's reassignment is logged; HQ previews a rule change on past
 * orders before applying it; bad input is refused by field.
 */
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { count, placeOrder } from '../../../test/payments';
import { ok } from '../../../test/shopping';
import { aGuide, bindingOf, type GuideFixture, hqToken, touch } from './guides.test-support';
import { ShareTokens } from '../share';

describe('touches, binding and attribution', () => {
  let clock = Date.now();
  let app: TestApp;
  let hq: string;
  let a: GuideFixture;
  let b: GuideFixture;
  beforeAll(async () => {
    app = await startTestApp({}, { now: () => new Date(clock) });
    hq = await hqToken(app);
    a = await aGuide(app, hq);
    b = await aGuide(app, hq, a.storeId);
  });
  afterAll(() => app.close());
  const touches = () => count(app.ds, 'SELECT COUNT(*) AS n FROM guide_touch');
  /** Moves the API's clock; sessions made before have expired, so everyone signs in again. */
  async function advance(ms: number, ...shoppers: { openid: string; token: string }[]) {
    clock += ms;
    hq = await hqToken(app);
    for (const s of shoppers) s.token = (await loginShopper(app, s.openid)).token;
  }

  it('ignores forged, foreign-key, truncated and shopper tokens; the request still succeeds', async () => {
    const s = await loginShopper(app);
    const forged = a.shareToken.slice(0, -1) + (a.shareToken.endsWith('A') ? 'B' : 'A');
    const otherKey = new ShareTokens('another-secret-of-at-least-32-chars!!', () => new Date(clock)).sign({ kind: 'guide', id: a.id });
    const member = app.services.guides.shareTokens.sign({ kind: 'member', id: s.memberId });
    const before = await touches();
    expect(await touch(app, s.token, forged)).toEqual({ recorded: false, reason: 'invalid_token' });
    expect(await touch(app, s.token, otherKey)).toEqual({ recorded: false, reason: 'invalid_token' });
    expect(await touch(app, s.token, a.shareToken.slice(0, 10))).toEqual({ recorded: false, reason: 'invalid_token' });
    expect(await touch(app, s.token, member)).toEqual({ recorded: false, reason: 'member_token' });
    expect(await touches()).toBe(before);
    expect(await bindingOf(app, s.memberId)).toBeUndefined();
    // The token checkout is sent counts when valid (the card the shopper came in through), never when forged.
    const svc = app.services.guides.attribution;
    expect(await svc.decide(s.memberId, new Date(clock), forged)).toMatchObject({ guideId: null, evidence: { tokenId: null } });
    expect(await svc.decide(s.memberId, new Date(clock), a.shareToken)).toMatchObject({ guideId: a.id, sharingGuideId: a.id, evidence: { tokenId: a.shareToken, reason: 'sharing_touch' } });
    expect(a.shareToken.length).toBeLessThanOrEqual(32);
  });

  it('records one touch per shopper, guide and hour; the first guide keeps the shopper inside 30 days', async () => {
    const s = await loginShopper(app);
    expect(await touch(app, s.token, a.shareToken, { scene: 1044, groupChatId: 'wrGroup01' })).toMatchObject({ recorded: true, guideId: a.id, boundGuideId: a.id });
    expect(await touch(app, s.token, a.shareToken)).toEqual({ recorded: false, reason: 'duplicate' });
    expect(await touch(app, s.token, b.shareToken)).toMatchObject({ recorded: true, guideId: b.id, boundGuideId: a.id });
    // The order belongs to the bound guide; the sharing guide (last touch) and its evidence are recorded.
    const d = await app.services.guides.attribution.decide(s.memberId, new Date(clock));
    expect(d).toMatchObject({ guideId: a.id, boundGuideId: a.id, sharingGuideId: b.id, storeId: a.storeId, evidence: { ruleVersion: 1, reason: 'bound_touch' } });

    await advance(30 * 24 * 3600_000, s);
    expect(await touch(app, s.token, b.shareToken)).toMatchObject({ recorded: true, boundGuideId: b.id });
    const log = await app.ds.query('SELECT from_guide_id, to_guide_id, reason FROM guide_binding_log WHERE member_id = ? ORDER BY id', [s.memberId]);
    expect(log.map((r: any) => [r.from_guide_id === null ? null : Number(r.from_guide_id), Number(r.to_guide_id), r.reason])).toEqual([
      [null, a.id, 'first'],
      [a.id, b.id, 'protection_over'],
    ]);
  });

  it('refuses tokens older than 90 days and tokens of a guide who left; HQ reassigns the customers, logged', async () => {
    const s = await loginShopper(app);
    const c = await aGuide(app, hq, a.storeId);
    const oldToken = c.shareToken;
    await advance(91 * 24 * 3600_000, s, c);
    expect(await touch(app, s.token, oldToken)).toEqual({ recorded: false, reason: 'expired' });
    const fresh = ok(await app.api.get('/api/guide/me', c.token)).shareToken;
    expect(await touch(app, s.token, fresh)).toMatchObject({ recorded: true, boundGuideId: c.id });

    const left = ok(await app.api.post(`/api/hq/guides/${c.id}/leave`, { reassignTo: a.id }, hq));
    expect(left).toEqual({ reassigned: 1 });
    expect(await bindingOf(app, s.memberId)).toMatchObject({ guide_id: a.id });
    const again = await app.api.post(`/api/hq/guides/${c.id}/leave`, {}, hq);
    expect([again.status, again.body.code]).toEqual([409, 'GUIDE_ALREADY_LEFT']);
    await advance(2 * 3600_000, c);
    const s2 = await loginShopper(app);
    expect(await touch(app, s2.token, fresh)).toEqual({ recorded: false, reason: 'guide_left' });
    // The guide's pages close with the account.
    expect((await app.api.get('/api/guide/me', c.token)).status).toBe(403);
  });

  it('previews a rule change on past orders without changing anything, then applies it to new ones only', async () => {
    const s = await loginShopper(app);
    // The fixtures' tokens are long expired by now (the clock moved 120 days): the guides fetch new ones.
    await advance(0, a, b);
    const [ta, tb] = [ok(await app.api.get('/api/guide/me', a.token)).shareToken, ok(await app.api.get('/api/guide/me', b.token)).shareToken];
    expect(await touch(app, s.token, ta)).toMatchObject({ recorded: true });
    await advance(2 * 24 * 3600_000, s);
    expect(await touch(app, s.token, tb)).toMatchObject({ recorded: true });
    const o = await placeOrder(app, { hq, shopper: { token: s.token, memberId: s.memberId, openid: '' } });

    const preview = ok(await app.api.post('/api/hq/attribution/rules/preview', { protectionDays: 1, sharingWindowHours: 72, tokenMaxAgeDays: 90 }, hq));
    expect(preview.changed).toContainEqual({ orderId: o.orderId, guideId: a.id, wouldBe: b.id });
    expect(ok(await app.api.get('/api/hq/attribution/rules', hq)).version).toBe(1);

    const bad = await app.api.post('/api/hq/attribution/rules/preview', { protectionDays: -1, sharingWindowHours: 72, tokenMaxAgeDays: 90 }, hq);
    expect([bad.status, bad.body.field]).toEqual([400, 'protectionDays']);
    const applied = ok(await app.api.post('/api/hq/attribution/rules', { protectionDays: 7, sharingWindowHours: 48, tokenMaxAgeDays: 60 }, hq));
    expect(applied).toMatchObject({ version: 2, protectionDays: 7 });
    const snap = ok(await app.api.get(`/api/hq/orders/${o.orderId}/attribution`, hq));
    expect(snap).toMatchObject({ guideId: a.id, boundGuideId: a.id, sharingGuideId: b.id, ruleVersion: 1, tokenId: tb });
  });

  it('refuses bad input by field, and guide routes for a plain shopper', async () => {
    const s = await loginShopper(app);
    const cases: [string, string, unknown, string][] = [
      ['post', '/api/guides/touch', { t: '', path: '/x' }, 't'],
      ['post', '/api/guides/touch', { t: 'x'.repeat(65) }, 't'],
      ['post', '/api/guides/touch', { t: a.shareToken, scene: '1044' }, 'scene'],
      ['post', '/api/guides/touch', { t: a.shareToken, groupChatId: 'a b' }, 'groupChatId'],
      ['post', '/api/guides/add-tap', { guideId: true }, 'guideId'],
      ['post', '/api/guides/add-tap', { guideId: [2] }, 'guideId'],
      ['post', '/api/guides/prompt', { orderId: '0x6' }, 'orderId'],
      ['post', '/api/guides/link', { code: 'short' }, 'code'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await app.api.call(method.toUpperCase(), path, { body, token: s.token });
      expect([path, res.status, res.body.field]).toEqual([path, 400, field]);
    }
    const wrongCode = await app.api.post('/api/guides/link', { code: 'ABCDEFGH' }, s.token);
    expect([wrongCode.status, wrongCode.body.code]).toEqual([400, 'GUIDE_CODE_INVALID']);
    for (const path of ['/api/guide/me', '/api/guide/customers', '/api/guide/orders']) {
      const res = await app.api.get(path, s.token);
      expect([path, res.status, res.body.code]).toEqual([path, 403, 'NOT_A_GUIDE']);
    }
    expect((await app.api.get('/api/hq/guides', s.token)).status).toBe(403);
    const badStore = await app.api.post('/api/hq/guides', { name: '某', wecomUserId: 'x1', storeId: 999999 }, hq);
    expect([badStore.status, badStore.body.code]).toEqual([404, 'STORE_NOT_FOUND']);
  });

  it('checkout takes the entry token as shareToken: a valid one attributes the order, a forged one is ignored, a bad one is a 400', async () => {
    await advance(0, a);
    const token = ok(await app.api.get('/api/guide/me', a.token)).shareToken;
    const good = await placeOrder(app, { hq });
    const body = async (o: typeof good, extra: Record<string, unknown>) => {
      const [line] = await app.ds.query('SELECT sku_id FROM order_line WHERE order_id = ?', [o.orderId]);
      const [addr] = await app.ds.query('SELECT id FROM address WHERE member_id = ?', [o.memberId]);
      return { lines: [{ skuId: Number(line.sku_id), quantity: 1 }], addressId: Number(addr.id), ...extra };
    };
    const placed = ok(await app.api.post('/api/orders', await body(good, { shareToken: token }), good.token), 201);
    expect(ok(await app.api.get(`/api/hq/orders/${placed.id}/attribution`, hq))).toMatchObject({ guideId: a.id, sharingGuideId: a.id, tokenId: token, reason: 'sharing_touch' });

    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    const plain = ok(await app.api.post('/api/orders', await body(good, { shareToken: forged }), good.token), 201);
    const snap = ok(await app.api.get(`/api/hq/orders/${plain.id}/attribution`, hq));
    expect([snap.guideId, snap.tokenId, snap.reason]).toEqual([null, null, 'none']);

    const orders = await count(app.ds, 'SELECT COUNT(*) AS n FROM shop_order');
    for (const bad of ['x'.repeat(65), 42, ['t']]) {
      const res = await app.api.post('/api/orders', await body(good, { shareToken: bad }), good.token);
      expect([res.status, res.body.field]).toEqual([400, 'shareToken']);
    }
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM shop_order')).toBe(orders);
  });
});
