/**
 * The sidebar's identity and JS-SDK signatures against the fake WeCom: web login (good, used,
 * expired and foreign codes; a member who is no guide; a guide who left), the guide audience, and
 * the corp and agent tickets, fetched once under 20 parallel requests and again only near expiry.
 */
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { loadConfig } from '../../config';
import { jssdkSignature } from '../../wecom/jssdk-signature';
import { aGuide, type GuideFixture, hqToken } from '../guides/guides.test-support';
import { sidebarLogin } from './sidebar.test-support';

/** The corp and agent ids the test app runs with (the config defaults). */
const cfg = loadConfig({ NODE_ENV: 'test' });

describe('sidebar sessions', () => {
  let app: TestApp;
  let hq: string;
  let guide: GuideFixture;
  let clock = Date.now();
  beforeAll(async () => {
    app = await startTestApp({}, { now: () => new Date(clock) });
    hq = await hqToken(app);
    guide = await aGuide(app, hq);
  });
  afterAll(() => app.close());
  const fake = () => app.fakeWecom!.sidebar;
  const login = (code: string) => app.api.post('/api/sidebar/login', { code });

  it('logs a guide in by WeCom userid, with a token only guide routes accept', async () => {
    const session = ok(await login(fake().mintLoginCode({ userid: guide.wecomUserId })));
    expect(session.guide).toMatchObject({ id: guide.id, wecomUserId: guide.wecomUserId, storeId: guide.storeId });
    expect(ok(await app.api.get('/api/sidebar/me', session.token)).id).toBe(guide.id);
    // Neither a shopper nor an HQ token opens a guide route, nor a guide token a shopper or HQ route.
    expect((await app.api.get('/api/sidebar/me', guide.token)).status).toBe(403);
    expect((await app.api.get('/api/sidebar/me', hq)).status).toBe(403);
    expect((await app.api.get('/api/sidebar/me')).status).toBe(401);
    expect((await app.api.get('/api/guide/me', session.token)).status).toBe(403);
    expect((await app.api.get('/api/hq/wecom-groups', session.token)).status).toBe(403);
  });

  it('refuses a used, an expired and an unknown code with WECOM_CODE_INVALID naming code', async () => {
    const code = fake().mintLoginCode({ userid: guide.wecomUserId });
    ok(await login(code));
    const expired = fake().mintLoginCode({ userid: guide.wecomUserId }, -1);
    for (const c of [code, expired, 'never-issued']) {
      const res = await login(c);
      expect({ status: res.status, code: res.body.code, field: res.body.field }).toEqual({ status: 400, code: 'WECOM_CODE_INVALID', field: 'code' });
    }
  });

  it('refuses someone outside the corp, a member who is no guide, and a guide who left', async () => {
    const outsider = await login(fake().mintLoginCode({ openid: 'oAbCdEf123' }));
    expect({ status: outsider.status, code: outsider.body.code }).toEqual({ status: 403, code: 'SIDEBAR_NOT_CORP_MEMBER' });
    const colleague = await login(fake().mintLoginCode({ userid: 'cashier01' }));
    expect({ status: colleague.status, code: colleague.body.code }).toEqual({ status: 403, code: 'SIDEBAR_NOT_A_GUIDE' });
    expect(colleague.body.message).toMatch(/导购/);

    const leaving = await aGuide(app, hq);
    const token = await sidebarLogin(app, leaving.wecomUserId);
    ok(await app.api.post(`/api/hq/guides/${leaving.id}/leave`, {}, hq));
    // The session issued before leaving stops working at once, and no new one is issued.
    expect((await app.api.get('/api/sidebar/me', token)).body.code).toBe('SIDEBAR_NOT_A_GUIDE');
    expect((await login(fake().mintLoginCode({ userid: leaving.wecomUserId }))).body.code).toBe('SIDEBAR_NOT_A_GUIDE');
  });

  it('names the bad field of a login or a signature request', async () => {
    const res = await app.api.post('/api/sidebar/login', {});
    expect({ status: res.status, field: res.body.field }).toEqual({ status: 400, field: 'code' });
    const token = await sidebarLogin(app, guide.wecomUserId);
    const bad = await app.api.post('/api/sidebar/jssdk-config', { url: 'javascript:alert(1)' }, token);
    expect({ status: bad.status, field: bad.body.field }).toEqual({ status: 400, field: 'url' });
  });

  it('signs the page URL (without fragment) with the corp and the agent ticket, fetching each once for 20 parallel requests', async () => {
    const token = await sidebarLogin(app, guide.wecomUserId);
    fake().ticketDelayMs = 50;
    const url = 'https://shop.example.com/h5/?from=wecom#/packages/guide/sidebar/index';
    const answers = await Promise.all(Array.from({ length: 20 }, () => app.api.post('/api/sidebar/jssdk-config', { url }, token)));
    fake().ticketDelayMs = 0;
    expect(fake().ticketFetches).toEqual({ corp: 1, agent: 1 });
    expect(app.services.sidebar.agent.tokenFetches).toBe(1);
    for (const res of answers) {
      const c = ok(res);
      expect(c).toMatchObject({ corpId: cfg.WECOM_CORP_ID, agentId: cfg.WECOM_AGENT_ID, url: 'https://shop.example.com/h5/?from=wecom' });
      expect(c.signature).toBe(jssdkSignature({ ticket: fake().lastTicket.corp, nonceStr: c.nonceStr, timestamp: c.timestamp, url: c.url }));
      expect(c.agentSignature).toBe(jssdkSignature({ ticket: fake().lastTicket.agent, nonceStr: c.nonceStr, timestamp: c.timestamp, url: c.url }));
      expect(c.agentSignature).not.toBe(c.signature);
    }
  });

  it('keeps the tickets until five minutes before they expire, then fetches each once more', async () => {
    const token = await sidebarLogin(app, guide.wecomUserId);
    const sign = () => app.api.post('/api/sidebar/jssdk-config', { url: 'https://shop.example.com/h5/' }, token);
    const before = { ...fake().ticketFetches };
    clock += (7200 - 5 * 60 - 10) * 1000;
    ok(await sign());
    expect(fake().ticketFetches).toEqual(before);
    clock += 20_000;
    await Promise.all([sign(), sign(), sign()]);
    expect(fake().ticketFetches).toEqual({ corp: before.corp + 1, agent: before.agent + 1 });
  });

  it('offers the dev login only with the fake WeCom, and the OAuth parameters', async () => {
    expect(ok(await app.api.get('/api/sidebar/oauth-config'))).toEqual({ corpId: cfg.WECOM_CORP_ID, agentId: cfg.WECOM_AGENT_ID, authorizeUrl: 'https://open.weixin.qq.com/connect/oauth2/authorize', devLogin: true });
    const { code } = ok(await app.api.post('/api/sidebar/dev-code', { userid: guide.wecomUserId }));
    expect(ok(await login(code)).guide.id).toBe(guide.id);
    const shopper = await loginShopper(app);
    expect((await app.api.get('/api/sidebar/me', shopper.token)).status).toBe(403);
  });
});
