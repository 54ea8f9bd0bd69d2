/**
 * Races: the same card opened many times at once, two guides' cards at once, the prompt asked for
 * at once, the same WeCom event delivered at once — each checked by its invariant afterwards.
 */
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { count, placeOrder } from '../../../test/payments';
import { ok } from '../../../test/shopping';
import { aGuide, type GuideFixture, hqToken } from './guides.test-support';

const N = 12;

describe('guides under concurrency', () => {
  let app: TestApp;
  let hq: string;
  let a: GuideFixture;
  let b: GuideFixture;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await hqToken(app);
    a = await aGuide(app, hq);
    b = await aGuide(app, hq, a.storeId);
  });
  afterAll(() => app.close());

  it('N touches of two guides at once: one touch per guide, one binding, one log line', async () => {
    const s = await loginShopper(app);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => app.api.post('/api/guides/touch', { t: (i % 2 ? b : a).shareToken, path: '/pages/index/index' }, s.token)),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.data.recorded)).toHaveLength(2);
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM guide_touch WHERE member_id = ?', [s.memberId])).toBe(2);
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM guide_binding WHERE member_id = ?', [s.memberId])).toBe(1);
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM guide_binding_log WHERE member_id = ?', [s.memberId])).toBe(1);
  });

  it('the prompt asked for N times at once after a first paid order shows once', async () => {
    const o = await placeOrder(app, { hq });
    ok(await app.api.post('/api/hq/guides/' + a.id + '/contact-ways', {}, hq));
    ok(await app.api.call('PUT', `/api/hq/stores/${a.storeId}/default-guide`, { body: { guideId: a.id }, token: hq }));
    ok(await app.api.post(`/api/orders/${o.orderId}/dev-pay`, {}, o.token));
    const answers = await Promise.all(Array.from({ length: N }, () => app.api.post('/api/guides/prompt', { orderId: o.orderId }, o.token)));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const shown = answers.filter((r) => r.body.data.show);
    expect(shown).toHaveLength(1);
    expect(shown[0].body.data.guide).toMatchObject({ id: a.id, source: 'store_default' });
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM guide_prompt WHERE member_id = ?', [o.memberId])).toBe(1);
    const stranger = await loginShopper(app);
    expect((await app.api.post('/api/guides/prompt', { orderId: o.orderId }, stranger.token)).status).toBe(404);
  });

  it('the same WeCom add delivered N times at once links once and welcomes once', async () => {
    const s = await loginShopper(app);
    const [member] = await app.ds.query('SELECT unionid FROM member WHERE id = ?', [s.memberId]);
    const fake = app.fakeWecom!;
    const c = fake.newCustomer({ userId: b.wecomUserId, unionid: member.unionid });
    const xml = fake.eventXml({ ChangeType: 'add_external_contact', UserID: b.wecomUserId, ExternalUserID: c.externalUserId, State: `g${b.id}`, WelcomeCode: c.welcomeCode });
    const welcomes = fake.welcomeMessages.length;
    const answers = await Promise.all(Array.from({ length: N }, () => fake.post(xml)));
    expect(answers.map((r) => r.text)).toEqual(Array(N).fill('success'));
    await app.services.outbox.drain();
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM wecom_contact WHERE external_user_id = ?', [c.externalUserId])).toBe(1);
    expect(await count(app.ds, "SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'WecomContactChanged'")).toBe(await count(app.ds, 'SELECT COUNT(*) AS n FROM wecom_event'));
    expect(fake.welcomeMessages.length).toBe(welcomes + 1);
    const [binding] = await app.ds.query('SELECT guide_id, source FROM guide_binding WHERE member_id = ?', [s.memberId]);
    expect([Number(binding.guide_id), binding.source]).toEqual([b.id, 'wecom']);
  });
});
