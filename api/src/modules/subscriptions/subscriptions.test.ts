/**
 * Subscribe messages against the fake WeChat server: consent recorded per template, one send per
 * (member, event) whatever redelivers or races, no consent → no send, WeChat's refusals, and HQ's
 * lists of consents and sends.
 */
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { createTemplate } from '../coupons/coupons.test-support';
import { SubscribeConsent, SubscribeSend } from './subscriptions.entities';

const POINTS = 'tmpl-points-expiring';
const COUPON = 'tmpl-coupon-pushed';

describe('subscribe messages (订阅消息)', () => {
  let app: TestApp;
  let hq: string;
  let clock = new Date('2026-06-15T04:00:00Z');

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => clock });
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  const consent = (token: string, results: Record<string, unknown>) => app.api.post('/api/me/subscriptions', { results }, token);
  const sendsTo = (openid: string, templateId: string) => app.fakeWechat!.subscribeSends.filter((s) => s.touser === openid && s.templateId === templateId);
  const available = async (memberId: number, templateId: string) => (await app.ds.getRepository(SubscribeConsent).findOneBy({ memberId, templateId }))?.available ?? 0;
  const sendRow = (memberId: number, eventKey: string) => app.ds.getRepository(SubscribeSend).findOneByOrFail({ memberId, eventKey });
  const notify = (memberId: number, eventKey: string, data: Record<string, { value: string }> = { thing1: { value: '测试' } }) =>
    app.services.subscriptions.notifier.notify({ memberId, kind: 'couponPushed', eventKey, page: 'packages/coupons/mine/index', data });

  it('records consent: each accept allows one send, reject / ban / filter nothing; unknown templates, bad answers and too many are 400 naming the field', async () => {
    const s = await loginShopper(app);
    expect(ok(await app.api.get('/api/me/subscriptions', s.token)).templates).toEqual([
      { kind: 'pointsExpiring', label: '积分过期提醒', templateId: POINTS, available: 0 },
      { kind: 'couponPushed', label: '优惠券到账提醒', templateId: COUPON, available: 0 },
    ]);
    ok(await consent(s.token, { [POINTS]: 'accept', [COUPON]: 'reject' }));
    const twice = ok(await consent(s.token, { [POINTS]: 'accept', [COUPON]: 'ban' }));
    expect(twice.templates.map((t: { available: number }) => t.available)).toEqual([2, 0]);
    await Promise.all([0, 1, 2].map(() => consent(s.token, { [COUPON]: 'accept' })));
    expect(await available(s.memberId, COUPON)).toBe(3);

    const unknown = await consent(s.token, { [POINTS]: 'accept', 'tmpl-other': 'accept' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toEqual([expect.objectContaining({ field: 'results.tmpl-other' })]);
    expect(await available(s.memberId, POINTS)).toBe(2); // nothing half-recorded
    expect((await consent(s.token, { [POINTS]: 'yes' })).status).toBe(400);
    expect((await consent(s.token, { a: 'accept', b: 'accept', c: 'accept', d: 'accept' })).status).toBe(400);
    expect((await app.api.post('/api/me/subscriptions', { results: {}, extra: 1 }, s.token)).status).toBe(400);
    expect((await app.api.post('/api/me/subscriptions', { results: { [POINTS]: 'accept' } })).status).toBe(401);
  });

  it('a pushed coupon is announced once to a member who agreed, never to one who did not; a repeated batch or redelivery sends nothing more', async () => {
    const a = await loginShopper(app);
    const b = await loginShopper(app);
    ok(await consent(a.token, { [COUPON]: 'accept' }));
    const templateId = await createTemplate(app, hq, { name: '复购8折', kind: 'percent_off', percentOff: 20, maxOffFen: 3000, thresholdFen: 0, claimable: false });
    const push = () => app.api.post(`/api/hq/coupon-templates/${templateId}/push`, { memberIds: [a.memberId, b.memberId], batchKey: 'sleepers-1' }, hq);
    expect(ok(await push()).granted).toEqual([a.memberId, b.memberId]);
    await app.services.outbox.drain();

    expect(sendsTo(a.openid, COUPON)).toEqual([
      { touser: a.openid, templateId: COUPON, page: 'packages/coupons/mine/index', data: { thing1: { value: '复购8折' }, thing2: { value: expect.stringContaining('折') }, date3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } } },
    ]);
    expect(await available(a.memberId, COUPON)).toBe(0);
    expect(sendsTo(b.openid, COUPON)).toEqual([]);
    const bRows = await app.ds.getRepository(SubscribeSend).findBy({ memberId: b.memberId });
    expect(bRows.map((r) => r.status)).toEqual(['no_consent']);

    // b agrees afterwards: the past event stays unsent; the same batch again grants and sends nothing.
    ok(await consent(b.token, { [COUPON]: 'accept' }));
    ok(await consent(a.token, { [COUPON]: 'accept' }));
    expect(ok(await push()).already).toEqual([a.memberId, b.memberId]);
    await app.services.outbox.drain();
    expect(sendsTo(a.openid, COUPON)).toHaveLength(1);
    expect(sendsTo(b.openid, COUPON)).toHaveLength(0);
    expect(await notify(a.memberId, (await app.ds.getRepository(SubscribeSend).findOneByOrFail({ memberId: a.memberId })).eventKey)).toBe('duplicate');
    expect(await available(a.memberId, COUPON)).toBe(1);
  });

  it('parallel deliveries of one event send once; parallel events racing for one consent send once', async () => {
    const s = await loginShopper(app);
    ok(await consent(s.token, { [COUPON]: 'accept' }));
    ok(await consent(s.token, { [COUPON]: 'accept' }));
    const same = await Promise.all(Array.from({ length: 10 }, () => notify(s.memberId, 'test:same-event')));
    expect(same.filter((o) => o === 'sent')).toHaveLength(1);
    expect(same.filter((o) => o === 'duplicate')).toHaveLength(9);

    const different = await Promise.all(Array.from({ length: 6 }, (_, i) => notify(s.memberId, `test:event-${i}`)));
    expect(different.filter((o) => o === 'sent')).toHaveLength(1);
    expect(different.filter((o) => o === 'no_consent')).toHaveLength(5);
    expect(sendsTo(s.openid, COUPON)).toHaveLength(2);
    expect(await available(s.memberId, COUPON)).toBe(0);
  });

  it('WeChat refusing (43101) or rejecting the data (47003) sends nothing, gives the consent back and never retries that event', async () => {
    const s = await loginShopper(app);
    ok(await consent(s.token, { [COUPON]: 'accept' }));
    app.fakeWechat!.subscribeRefused.add(s.openid);
    try {
      expect(await notify(s.memberId, 'test:refused')).toBe('refused');
    } finally {
      app.fakeWechat!.subscribeRefused.delete(s.openid);
    }
    expect(await sendRow(s.memberId, 'test:refused')).toMatchObject({ status: 'refused', errcode: 43101, sentAt: null });
    expect(await available(s.memberId, COUPON)).toBe(1);
    expect(await notify(s.memberId, 'test:refused')).toBe('duplicate');

    expect(await notify(s.memberId, 'test:bad-data', {})).toBe('failed');
    expect(await sendRow(s.memberId, 'test:bad-data')).toMatchObject({ status: 'failed', errcode: 47003 });
    expect(await available(s.memberId, COUPON)).toBe(1);

    expect(await notify(s.memberId, 'test:fine')).toBe('sent');
    expect(await sendRow(s.memberId, 'test:fine')).toMatchObject({ status: 'sent', errcode: null });
    expect(sendsTo(s.openid, COUPON)).toHaveLength(1);
    expect(await available(s.memberId, COUPON)).toBe(0);
  });

  it('expiring points: the points job’s reminder reaches a member who agreed, once, even when two runs race', async () => {
    const a = await loginShopper(app);
    const b = await loginShopper(app);
    ok(await consent(a.token, { [POINTS]: 'accept' }));
    const { admin, jobs } = app.services.points;
    for (const s of [a, b]) await admin.grant(1, { memberId: s.memberId, points: 120, reason: '活动奖励' });
    clock = new Date('2027-12-05T04:00:00Z'); // within 30 days of the lots' end (2027-12-31 24:00 Shanghai)
    await Promise.all([jobs.remindExpiring(), jobs.remindExpiring()]);
    await Promise.all([app.services.outbox.drain(), app.services.outbox.drain()]);
    expect(sendsTo(a.openid, POINTS)).toEqual([
      { touser: a.openid, templateId: POINTS, page: 'packages/points/ledger/index', data: { number1: { value: '120' }, date2: { value: '2027-12-31' }, thing3: { value: expect.any(String) } } },
    ]);
    expect(sendsTo(b.openid, POINTS)).toEqual([]);
    await jobs.remindExpiring();
    await app.services.outbox.drain();
    expect(sendsTo(a.openid, POINTS)).toHaveLength(1);
  });

  it('HQ lists consents and sends newest first, with nicknames and outcomes; paging is checked and only HQ may read', async () => {
    clock = new Date('2026-06-15T04:00:00Z');
    const s = await loginShopper(app);
    await app.ds.query('UPDATE member SET nickname = ? WHERE id = ?', ['订阅测试', s.memberId]);
    ok(await consent(s.token, { [COUPON]: 'accept', [POINTS]: 'accept' }));
    expect(await notify(s.memberId, 'test:hq-list')).toBe('sent');
    expect(await notify(s.memberId, 'test:hq-list-2')).toBe('no_consent');

    const sends = ok(await app.api.get('/api/hq/subscriptions/sends?pageSize=2', hq));
    expect(sends).toMatchObject({ page: 1, pageSize: 2, hasMore: true, total: await app.ds.getRepository(SubscribeSend).count() });
    expect(sends.items).toEqual([
      expect.objectContaining({ memberId: s.memberId, nickname: '订阅测试', kind: 'couponPushed', eventKey: 'test:hq-list-2', status: 'no_consent', sentAt: null }),
      expect.objectContaining({ memberId: s.memberId, eventKey: 'test:hq-list', templateId: COUPON, status: 'sent', errcode: null, sentAt: expect.any(String) }),
    ]);
    const consents = ok(await app.api.get('/api/hq/subscriptions/consents?pageSize=2', hq)).items;
    expect(consents.map((c: { memberId: number; kind: string; available: number }) => [c.memberId, c.kind, c.available])).toEqual([
      [s.memberId, 'pointsExpiring', 1],
      [s.memberId, 'couponPushed', 0],
    ]);
    expect(consents[0].nickname).toBe('订阅测试');
    for (const path of ['sends', 'consents']) {
      const bad = await app.api.get(`/api/hq/subscriptions/${path}?page=0`, hq);
      expect([bad.status, bad.body.issues?.[0]?.field ?? bad.body.field]).toEqual([400, 'page']);
      expect((await app.api.get(`/api/hq/subscriptions/${path}`, s.token)).status).toBe(403);
    }
  });
});
