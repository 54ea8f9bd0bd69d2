/**
 * The WeCom callback, end to end: the test encrypts and signs events itself with @wecom/crypto
 * (as WeCom does), posts them, and watches the link, the binding and the welcome message the
 * fake WeCom receives. Bad signatures, stale timestamps, replays and duplicates change nothing.
 */
import { encrypt, getSignature } from '@wecom/crypto';
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { count } from '../../../test/payments';
import { ok } from '../../../test/shopping';
import { toXml } from '../../wecom/callback-crypto';
import { GuideAddTap } from './guides.entities';
import { aGuide, bindingOf, type GuideFixture, hqToken, touch } from './guides.test-support';
import { WECOM_CALLBACK_PATH } from './wecom.routes';

describe('WeCom customer-contact callback', () => {
  let app: TestApp;
  let hq: string;
  let guide: GuideFixture;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await hqToken(app);
    guide = await aGuide(app, hq);
  });
  afterAll(() => app.close());
  const fake = () => app.fakeWecom!;
  const cfg = () => app.services.guides;
  const keys = () => fake().keys;

  function sealed(xml: string, opts: { ts?: number; nonce?: string; token?: string } = {}) {
    const ts = opts.ts ?? Math.floor(Date.now() / 1000);
    const nonce = opts.nonce ?? `n${Math.random().toString(36).slice(2, 10)}`;
    const enc = encrypt(keys().encodingAesKey, xml, keys().corpId);
    const sig = getSignature(opts.token ?? keys().token, ts, nonce, enc);
    return { query: `msg_signature=${sig}&timestamp=${ts}&nonce=${nonce}`, body: `<xml><ToUserName><![CDATA[${keys().corpId}]]></ToUserName><Encrypt><![CDATA[${enc}]]></Encrypt></xml>` };
  }
  const post = (s: { query: string; body: string }) => fetch(`${app.url}${WECOM_CALLBACK_PATH}?${s.query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: s.body });
  const addEvent = (externalUserId: string, welcomeCode: string, userId = guide.wecomUserId) =>
    toXml({ ToUserName: keys().corpId, FromUserName: 'sys', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: userId, ExternalUserID: externalUserId, State: `g${guide.id}`, WelcomeCode: welcomeCode });
  const contacts = () => count(app.ds, 'SELECT COUNT(*) AS n FROM wecom_contact');
  const events = () => count(app.ds, 'SELECT COUNT(*) AS n FROM wecom_event');

  it('answers the URL verification with the decrypted echostr, and refuses a bad signature', async () => {
    const echo = 'echo-1234567890';
    const enc = encrypt(keys().encodingAesKey, echo, keys().corpId);
    const ts = Math.floor(Date.now() / 1000);
    const sig = getSignature(keys().token, ts, 'abc', enc);
    const q = (s: string) => `${app.url}${WECOM_CALLBACK_PATH}?msg_signature=${s}&timestamp=${ts}&nonce=abc&echostr=${encodeURIComponent(enc)}`;
    const res = await fetch(q(sig));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(echo);
    const bad = await fetch(q(getSignature('other-token', ts, 'abc', enc)));
    expect(bad.status).toBe(403);
    expect((await bad.json()).code).toBe('WECOM_CALLBACK_REJECTED');
  });

  it('creates the 「联系我」 contact ways (scene 1 and 2) with the guide in state', async () => {
    const ways = ok(await app.api.post(`/api/hq/guides/${guide.id}/contact-ways`, {}, hq));
    expect(ways.contactConfigId).toMatch(/^[0-9a-f]{32}$/);
    expect(ways.qrCodeUrl).toMatch(/^http/);
    expect((await fetch(ways.qrCodeUrl)).headers.get('content-type')).toBe('image/png');
    expect(fake().contactWays.map((w) => [w.scene, w.user[0], w.state])).toEqual([
      [1, guide.wecomUserId, `g${guide.id}`],
      [2, guide.wecomUserId, `g${guide.id}`],
    ]);
    // Asked again: the stored ways are kept, no new ones made.
    ok(await app.api.post(`/api/hq/guides/${guide.id}/contact-ways`, {}, hq));
    expect(fake().contactWays).toHaveLength(2);
  });

  it('links an add by unionid, binds the shopper (over a card binding) and sends the welcome card once; duplicates change nothing', async () => {
    const shopper = await loginShopper(app);
    const other = await aGuide(app, hq, guide.storeId);
    await touch(app, shopper.token, other.shareToken);
    expect((await bindingOf(app, shopper.memberId))?.guide_id).toBe(other.id);
    const [member] = await app.ds.query('SELECT unionid FROM member WHERE id = ?', [shopper.memberId]);
    const c = fake().newCustomer({ userId: guide.wecomUserId, unionid: member.unionid });
    const xml = addEvent(c.externalUserId, c.welcomeCode);
    const s = sealed(xml);
    const before = { contacts: await contacts(), welcomes: fake().welcomeMessages.length };

    const res = await post(s);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('success');
    // The reply came before the slow work: nothing linked yet.
    expect(await contacts()).toBe(before.contacts);
    await app.services.outbox.drain();
    const [row] = await app.ds.query('SELECT member_id, status, linked_by FROM wecom_contact WHERE external_user_id = ?', [c.externalUserId]);
    expect({ member: Number(row.member_id), status: row.status, by: row.linked_by }).toEqual({ member: shopper.memberId, status: 'added', by: 'unionid' });
    expect(await bindingOf(app, shopper.memberId)).toEqual({ guide_id: guide.id, source: 'wecom' });
    expect(fake().welcomeMessages).toHaveLength(before.welcomes + 1);
    const msg = fake().welcomeMessages.at(-1)!;
    expect(msg.welcome_code).toBe(c.welcomeCode);
    expect(msg.attachments[0].msgtype).toBe('miniprogram');
    const token = /[?&]t=([0-9A-Za-z.]+)/.exec(msg.attachments[0].miniprogram.page)![1];
    expect(token.length).toBeLessThanOrEqual(32);

    // The same request again (a WeCom retry), and the same event re-signed with a new nonce (a replay).
    const ev = await events();
    expect(await (await post(s)).text()).toBe('success');
    expect(await (await post(sealed(xml))).text()).toBe('success');
    await app.services.outbox.drain();
    expect(await events()).toBe(ev);
    expect(await contacts()).toBe(before.contacts + 1);
    expect(fake().welcomeMessages).toHaveLength(before.welcomes + 1);
  });

  it('refuses a bad signature, a stale timestamp, a wrong corp and garbage; nothing is written', async () => {
    const c = fake().newCustomer({ userId: guide.wecomUserId, unionid: null });
    const xml = addEvent(c.externalUserId, c.welcomeCode);
    const ev = await events();
    const cases = [
      sealed(xml, { token: 'not-our-token' }),
      sealed(xml, { ts: Math.floor(Date.now() / 1000) - 3600 }),
      { query: sealed(xml).query, body: '<xml><Encrypt><![CDATA[AAAA]]></Encrypt></xml>' },
    ];
    for (const s of cases) {
      const res = await post(s);
      expect(res.status).toBe(403);
    }
    // Encrypted for another corp (the receiver id inside the ciphertext is checked).
    const enc = encrypt(keys().encodingAesKey, xml, 'wwSomeOtherCorp01');
    const ts = Math.floor(Date.now() / 1000);
    expect((await post({ query: `msg_signature=${getSignature(keys().token, ts, 'x1', enc)}&timestamp=${ts}&nonce=x1`, body: `<xml><Encrypt><![CDATA[${enc}]]></Encrypt></xml>` })).status).toBe(403);
    // Query parameters that are not WeCom's shape: 400 naming the field.
    const malformed = await fetch(`${app.url}${WECOM_CALLBACK_PATH}?msg_signature=zz&timestamp=1&nonce=n`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<xml/>' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).field).toBe('msg_signature');
    expect(await events()).toBe(ev);
  });

  it('falls back to the shopper who tapped the add button within 10 minutes; an older tap links nobody', async () => {
    const tapper = await loginShopper(app);
    ok(await app.api.post('/api/guides/add-tap', { guideId: guide.id }, tapper.token));
    const c = fake().newCustomer({ userId: guide.wecomUserId, unionid: null });
    await post(sealed(addEvent(c.externalUserId, c.welcomeCode)));
    await app.services.outbox.drain();
    const [row] = await app.ds.query('SELECT member_id, linked_by FROM wecom_contact WHERE external_user_id = ?', [c.externalUserId]);
    expect([Number(row.member_id), row.linked_by]).toEqual([tapper.memberId, 'tap']);

    await app.ds.getRepository(GuideAddTap).update({ memberId: tapper.memberId }, { createdAt: new Date(Date.now() - 11 * 60_000) });
    const late = fake().newCustomer({ userId: guide.wecomUserId, unionid: null });
    await post(sealed(addEvent(late.externalUserId, late.welcomeCode)));
    await app.services.outbox.drain();
    const [row2] = await app.ds.query('SELECT member_id, linked_by FROM wecom_contact WHERE external_user_id = ?', [late.externalUserId]);
    expect([row2.member_id, row2.linked_by]).toEqual([null, null]);
  });

  it('records del_follow_user; the binding stays but is no longer a WeCom binding', async () => {
    const shopper = await loginShopper(app);
    const [member] = await app.ds.query('SELECT unionid FROM member WHERE id = ?', [shopper.memberId]);
    const added = await fake().addCustomer({ userId: guide.wecomUserId, state: `g${guide.id}`, unionid: member.unionid });
    expect(added.text).toBe('success');
    await app.services.outbox.drain();
    expect(await bindingOf(app, shopper.memberId)).toEqual({ guide_id: guide.id, source: 'wecom' });
    expect((await fake().deleteFollow(guide.wecomUserId, added.externalUserId)).text).toBe('success');
    await app.services.outbox.drain();
    const [row] = await app.ds.query('SELECT status, deleted_at FROM wecom_contact WHERE external_user_id = ?', [added.externalUserId]);
    expect(row.status).toBe('deleted');
    expect(row.deleted_at).not.toBeNull();
    expect(await bindingOf(app, shopper.memberId)).toEqual({ guide_id: guide.id, source: 'touch' });
  });

  it('the client caches the corp token and refreshes it once when WeCom says it expired', async () => {
    const client = cfg().wecomClient;
    const fetchesBefore = client.tokenFetches;
    await client.addContactWay({ scene: 1, userId: guide.wecomUserId, state: 'x' });
    await client.addContactWay({ scene: 1, userId: guide.wecomUserId, state: 'y' });
    expect(client.tokenFetches).toBe(fetchesBefore);
    fake().expireToken();
    await client.addContactWay({ scene: 1, userId: guide.wecomUserId, state: 'z' });
    expect(client.tokenFetches).toBe(fetchesBefore + 1);
    fake().knownUsers = new Set([guide.wecomUserId]);
    await expect(client.addContactWay({ scene: 1, userId: 'nobody-here', state: 'z' })).rejects.toMatchObject({ errcode: 40003 });
    fake().knownUsers = null;
  });
});
