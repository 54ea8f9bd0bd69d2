import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WeChatApiError, WeChatClient, WeChatUnavailableError } from './client';
import { FakeWeChat } from './fake-wechat';

const APPID = 'wx_test_appid';
const SECRET = 'test-secret';

describe('WeChatClient against the fake WeChat server', () => {
  let fake: FakeWeChat;
  let clock: number;
  let client: WeChatClient;

  beforeEach(async () => {
    clock = Date.parse('2026-11-22T08:00:00Z');
    fake = new FakeWeChat({ appid: APPID, secret: SECRET, withUnionId: true, perUserPerMinute: 3, now: () => clock });
    await fake.start();
    client = new WeChatClient({ baseUrl: fake.baseUrl, appid: APPID, secret: SECRET, timeoutMs: 2000, now: () => clock });
  });
  afterEach(() => fake.stop());

  it('trades a code for openid, unionid and a session key', async () => {
    const session = await client.code2Session(fake.mintCode('o_alice'));
    expect(session.openid).toBe('o_alice');
    expect(session.unionid).toMatch(/^o6_/);
    expect(session.sessionKey.length).toBeGreaterThan(10);
    expect(fake.requests.at(-1)).toEqual({ method: 'GET', path: '/sns/jscode2session' });
  });

  it('gets 40029 for a replayed, unknown or expired code', async () => {
    const code = fake.mintCode('o_bob');
    await client.code2Session(code);
    await expect(client.code2Session(code)).rejects.toMatchObject({ errcode: 40029 });
    await expect(client.code2Session('not-a-code')).rejects.toBeInstanceOf(WeChatApiError);
    const late = fake.mintCode('o_bob');
    clock += 6 * 60_000;
    await expect(client.code2Session(late)).rejects.toMatchObject({ errcode: 40029 });
  });

  it('gets 45011 past the per-user minute quota, and again after the minute', async () => {
    for (let i = 0; i < 3; i++) await client.code2Session(fake.mintCode('o_busy'));
    await expect(client.code2Session(fake.mintCode('o_busy'))).rejects.toMatchObject({ errcode: 45011 });
    clock += 61_000;
    await expect(client.code2Session(fake.mintCode('o_busy'))).resolves.toMatchObject({ openid: 'o_busy' });
  });

  it('passes risky-user and bad-credential errcodes through', async () => {
    fake.failNext(40226);
    await expect(client.code2Session(fake.mintCode('o_risky'))).rejects.toMatchObject({ errcode: 40226 });
    const wrong = new WeChatClient({ baseUrl: fake.baseUrl, appid: APPID, secret: 'nope', timeoutMs: 2000 });
    await expect(wrong.code2Session(fake.mintCode('o_x'))).rejects.toMatchObject({ errcode: 40125 });
  });

  it('treats errcode -1 (system busy) as unavailable, not as the caller’s fault', async () => {
    fake.failNext(-1);
    await expect(client.code2Session(fake.mintCode('o_y'))).rejects.toBeInstanceOf(WeChatUnavailableError);
  });

  it('caches the access token and shares one request among concurrent callers', async () => {
    const tokens = await Promise.all(Array.from({ length: 10 }, () => client.accessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(fake.requests.filter((r) => r.path === '/cgi-bin/stable_token')).toHaveLength(1);
    await client.accessToken();
    expect(fake.requests.filter((r) => r.path === '/cgi-bin/stable_token')).toHaveLength(1);
    // Close to expiry (7200 s minus the 5-minute margin) it asks again.
    clock += 7000 * 1000;
    await client.accessToken();
    expect(fake.requests.filter((r) => r.path === '/cgi-bin/stable_token')).toHaveLength(2);
    const forced = await client.accessToken(true);
    expect(forced).not.toBe(tokens[0]);
  });
});

describe('WeChatClient when WeChat misbehaves', () => {
  const serve = async (handler: http.RequestListener) => {
    const server = http.createServer(handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  };

  it('gives up after the timeout instead of hanging the login', async () => {
    const { server, url } = await serve(() => undefined); // never answers
    const client = new WeChatClient({ baseUrl: url, appid: APPID, secret: SECRET, timeoutMs: 200 });
    await expect(client.code2Session('c')).rejects.toBeInstanceOf(WeChatUnavailableError);
    server.closeAllConnections();
    server.close();
  });

  it('reports a 502 or a non-JSON page as unavailable', async () => {
    const { server, url } = await serve((_req, res) => {
      res.writeHead(502);
      res.end('<html>bad gateway</html>');
    });
    const client = new WeChatClient({ baseUrl: url, appid: APPID, secret: SECRET, timeoutMs: 2000 });
    await expect(client.code2Session('c')).rejects.toBeInstanceOf(WeChatUnavailableError);
    server.close();
  });
});
