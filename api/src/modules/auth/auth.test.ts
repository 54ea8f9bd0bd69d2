import { OutboxEvent } from '../outbox/outbox.entities';
import { SignJWT } from 'jose';
import { DEV_SESSION_SECRET } from '../../config';
import { HQ_TEST_PASSWORD, loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { HqAdmin, Member } from './auth.entities';
import { AUD_HQ, AUD_SHOPPER } from './tokens';

describe('login and sessions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const sign = (aud: string, sub: string, expSeconds: number, extra: Record<string, unknown> = {}, secret = DEV_SESSION_SECRET) =>
    new SignJWT(extra)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('loopmall')
      .setAudience(aud)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + expSeconds)
      .sign(new TextEncoder().encode(secret));

  it('turns a wx.login code into a member and a session token', async () => {
    const code = app.fakeWechat!.mintCode('o_first');
    const first = await app.api.post('/api/auth/wechat-login', { code });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ isNew: true, member: { nickname: '微信用户', hasUnionId: true } });
    expect(Date.parse(first.body.data.expiresAt)).toBeGreaterThan(Date.now());
    expect(JSON.stringify(first.body)).not.toMatch(/session_?key/i);

    const me = await app.api.get('/api/me', first.body.data.token);
    expect(me.body.data.id).toBe(first.body.data.member.id);

    const again = await app.api.post('/api/auth/wechat-login', { code: app.fakeWechat!.mintCode('o_first') });
    expect(again.body.data).toMatchObject({ isNew: false, member: { id: first.body.data.member.id } });
    const row = await app.ds.getRepository(Member).findOneByOrFail({ openid: 'o_first' });
    expect(row.unionid).toMatch(/^o6_/);
  });

  it('creates exactly one member, and one MemberRegistered, when one shopper’s first logins race', async () => {
    const codes = Array.from({ length: 20 }, () => app.fakeWechat!.mintCode('o_racer'));
    const results = await Promise.all(codes.map((code) => app.api.post('/api/auth/wechat-login', { code, shareToken: 'm1.abc.0123456789abcdef' })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(results.map((r) => r.body.data.member.id)).size).toBe(1);
    expect(await app.ds.getRepository(Member).countBy({ openid: 'o_racer' })).toBe(1);
    const memberId = results[0].body.data.member.id;
    const events = await app.ds.getRepository(OutboxEvent).findBy({ type: 'MemberRegistered', aggregateId: String(memberId) });
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([{ memberId, shareToken: 'm1.abc.0123456789abcdef' }]);
    // A later login is no registration.
    await app.api.post('/api/auth/wechat-login', { code: app.fakeWechat!.mintCode('o_racer') });
    expect(await app.ds.getRepository(OutboxEvent).countBy({ type: 'MemberRegistered', aggregateId: String(memberId) })).toBe(1);
    const bad = await app.api.post('/api/auth/wechat-login', { code: app.fakeWechat!.mintCode('o_racer'), shareToken: 'no spaces<>' });
    expect([bad.status, bad.body.field]).toEqual([400, 'shareToken']);
  });

  it('maps WeChat errcodes to clear errors and writes nothing', async () => {
    const before = await app.ds.getRepository(Member).count();
    const replay = app.fakeWechat!.mintCode('o_replay');
    await app.api.post('/api/auth/wechat-login', { code: replay });
    const countAfterFirst = await app.ds.getRepository(Member).count();

    const invalid = await app.api.post('/api/auth/wechat-login', { code: replay });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ ok: false, code: 'WECHAT_CODE_INVALID' });

    app.fakeWechat!.failNext(45011);
    const limited = await app.api.post('/api/auth/wechat-login', { code: app.fakeWechat!.mintCode('o_limited') });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('WECHAT_RATE_LIMITED');

    app.fakeWechat!.failNext(40226);
    const risky = await app.api.post('/api/auth/wechat-login', { code: app.fakeWechat!.mintCode('o_risky') });
    expect(risky.status).toBe(403);
    expect(risky.body.code).toBe('WECHAT_RISKY_USER');

    expect(countAfterFirst).toBe(before + 1);
    expect(await app.ds.getRepository(Member).count()).toBe(countAfterFirst);
  });

  it('refuses a missing, malformed, forged or expired token', async () => {
    const { memberId } = await loginShopper(app);
    expect((await app.api.get('/api/me')).status).toBe(401);
    expect((await app.api.call('GET', '/api/me', { headers: { authorization: 'Token abc' } })).status).toBe(401);

    const forged = await app.api.get('/api/me', await sign(AUD_SHOPPER, String(memberId), 3600, {}, 'x'.repeat(40)));
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('UNAUTHENTICATED');

    const expired = await app.api.get('/api/me', await sign(AUD_SHOPPER, String(memberId), -10));
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('SESSION_EXPIRED');

    expect((await app.api.get('/api/me', await sign(AUD_SHOPPER, String(memberId), 3600))).status).toBe(200);
  });

  it('keeps shopper and HQ tokens apart', async () => {
    const { token: shopper } = await loginShopper(app);
    const onHq = await app.api.get('/api/hq/products', shopper);
    expect(onHq.status).toBe(403);
    expect(onHq.body.code).toBe('FORBIDDEN');

    const hq = await loginHq(app);
    expect((await app.api.get('/api/hq/products', hq)).status).toBe(200);
    expect((await app.api.get('/api/me', hq)).status).toBe(403);
  });

  it('checks HQ passwords, roles and disabled accounts', async () => {
    const wrong = await app.api.post('/api/hq/auth/login', { username: 'admin', password: 'wrong-password' });
    const unknown = await app.api.post('/api/hq/auth/login', { username: 'nobody', password: HQ_TEST_PASSWORD });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.code).toBe('HQ_LOGIN_FAILED');
    expect(unknown.body.message).toBe(wrong.body.message);

    const created = await app.services.auth.createAdmin('finance1', 'finance-password', 'finance');
    const analyst = await loginHq(app, 'finance1', 'finance-password');
    expect((await app.api.get('/api/hq/products', analyst)).status).toBe(200);
    const write = await app.api.post('/api/hq/categories', { name: '财务不能建' }, analyst);
    expect(write.status).toBe(403);

    const me = await app.api.get('/api/hq/me', analyst);
    expect(me.body.data).toEqual({ id: created.id, username: 'finance1', role: 'finance', storeId: null });
    const owner = await app.ds.getRepository(HqAdmin).findOneByOrFail({ username: 'admin' });
    const forgedRole = await sign(AUD_HQ, String(owner.id), 3600, { role: 'owner' }, 'y'.repeat(40));
    expect((await app.api.get('/api/hq/products', forgedRole)).status).toBe(401);

    // Disabling an account revokes its tokens at once, not when they expire.
    await app.ds.getRepository(HqAdmin).update({ username: 'finance1' }, { active: false });
    expect((await app.api.get('/api/hq/products', analyst)).status).toBe(401);
  });

  it('mints development codes only while the fake WeChat runs', async () => {
    const dev = await app.api.post('/api/auth/dev-code', { deviceId: 'browser-1234' });
    const login = await app.api.post('/api/auth/wechat-login', { code: dev.body.data.code });
    const again = await app.api.post('/api/auth/wechat-login', {
      code: (await app.api.post('/api/auth/dev-code', { deviceId: 'browser-1234' })).body.data.code,
    });
    expect(again.body.data.member.id).toBe(login.body.data.member.id);

    const real = await startTestApp({ WECHAT_FAKE: 'false' });
    try {
      expect((await real.api.post('/api/auth/dev-code', {})).status).toBe(404);
    } finally {
      await real.close();
    }
  });
});
