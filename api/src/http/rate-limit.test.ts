/**
 * Request-rate limits in memory (no Redis), on a clock the test moves: a burst past a route's
 * limit is answered 429 with Retry-After and the Chinese copy, another member or address is not
 * touched, and the bucket refills with time. (Redis: rate-limit.redis.test.ts.)
 */
import { ERROR_MESSAGES } from '@common/errors';
import { createSku, ok, anAddress } from '../../test/shopping';
import { HQ_TEST_PASSWORD, loginHq, type TestApp, startTestApp } from '../../test/harness';

const LIMITS = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_MEMBER_LOGIN_ADDRESS: '3/1',
  RATE_LIMIT_HQ_LOGIN_ADDRESS: '2/0.1',
  RATE_LIMIT_COUPON_CLAIM_MEMBER: '2/1',
  RATE_LIMIT_COUPON_CLAIM_ADDRESS: 'off',
  RATE_LIMIT_ORDER_CREATE_MEMBER: '2/0.5',
  RATE_LIMIT_ORDER_CREATE_ADDRESS: '100/10',
  RATE_LIMIT_GROUPBUY_JOIN_MEMBER: '100/10',
  RATE_LIMIT_GROUPBUY_JOIN_ADDRESS: '2/0.1',
};

describe('request-rate limits (in memory)', () => {
  let app: TestApp;
  let clock = Date.now();
  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const expectLimited = (res: { status: number; body: { code?: string; message?: string }; headers: Headers }, retryAfter: number) => {
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.body.message).toBe(ERROR_MESSAGES.RATE_LIMITED);
    expect(res.headers.get('retry-after')).toBe(String(retryAfter));
  };

  // Shoppers sign in from addresses of their own, so the login limit of one address is not spent by them.
  let signedIn = 0;
  const loginShopper = async (): Promise<{ token: string }> => {
    const res = await app.api.call('POST', '/api/auth/wechat-login', { body: { code: app.fakeWechat!.mintCode(`o_rl_${++signedIn}`) }, headers: from(`10.9.0.${signedIn}`) });
    return { token: ok(res).token };
  };

  beforeAll(async () => {
    app = await startTestApp(LIMITS, { now: () => new Date(clock) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('limits member login per address, leaves other addresses alone, and refills', async () => {
    const login = (ip: string) => app.api.call('POST', '/api/auth/wechat-login', { body: { code: app.fakeWechat!.mintCode(`o_rl_${ip}_${Math.random()}`) }, headers: from(ip) });
    for (let i = 0; i < 3; i++) expect((await login('203.0.113.1')).status).toBe(200);
    expectLimited(await login('203.0.113.1'), 1);
    expect((await login('203.0.113.2')).status).toBe(200);
    clock += 999;
    expectLimited(await login('203.0.113.1'), 1);
    clock += 1;
    expect((await login('203.0.113.1')).status).toBe(200);
  });

  it('keys the address the proxy saw, not one the client wrote before it', async () => {
    const spoofed = (n: number) => app.api.call('POST', '/api/auth/wechat-login', { body: { code: app.fakeWechat!.mintCode(`o_rl_spoof_${n}`) }, headers: from(`10.66.0.${n}, 203.0.113.50`) });
    for (let i = 0; i < 3; i++) expect((await spoofed(i)).status).toBe(200);
    expectLimited(await spoofed(3), 1);
  });

  it('limits order creation per member: the refused order reserves nothing, another member still orders', async () => {
    const hq = await app.api.call('POST', '/api/hq/auth/login', { body: { username: 'admin', password: HQ_TEST_PASSWORD }, headers: from('192.0.2.1') }).then((r) => ok(r).token as string);
    const sku = await createSku(app, hq, 1000, 10);
    const place = async (who: { token: string }) => {
      const address = ok(await app.api.post('/api/addresses', anAddress(), who.token), 201);
      return () => app.api.post('/api/orders', { lines: [{ skuId: sku.skuId, quantity: 1 }], addressId: address.id }, who.token);
    };
    const a = await place(await loginShopper());
    const b = await place(await loginShopper());
    expect((await a()).status).toBe(201);
    expect((await a()).status).toBe(201);
    expectLimited(await a(), 2);
    expect((await b()).status).toBe(201);
    const detail = ok(await app.api.get(`/api/products/${sku.productId}`));
    expect(detail.skus[0].stock).toBe(7);
    clock += 2000;
    expect((await a()).status).toBe(201);
  });

  it('limits coupon claims per member, before the template is even looked up', async () => {
    const a = await loginShopper();
    const b = await loginShopper();
    const claim = (who: { token: string }) => app.api.post('/api/coupons/templates/999999/claim', {}, who.token);
    const missing = (await claim(a)).status;
    expect([400, 404]).toContain(missing);
    expect((await claim(a)).status).toBe(missing);
    expectLimited(await claim(a), 1);
    expect((await claim(b)).status).toBe(missing);
  });

  it('limits group-buy joins per address across members', async () => {
    const join = async (ip: string) => {
      const who = await loginShopper();
      return app.api.call('POST', '/api/groupbuy/join', { body: { campaignId: 999999, quantity: 1, addressId: 1 }, token: who.token, headers: from(ip) });
    };
    expect((await join('198.51.100.7')).status).not.toBe(429);
    expect((await join('198.51.100.7')).status).not.toBe(429);
    // A third shopper behind the same address: its own bucket is full, the address's is empty.
    expectLimited(await join('198.51.100.7'), 10);
    expect((await join('198.51.100.8')).status).not.toBe(429);
  });

  it('limits HQ login per address on top of the failure lockout', async () => {
    const login = () => app.api.call('POST', '/api/hq/auth/login', { body: { username: 'admin', password: HQ_TEST_PASSWORD }, headers: from('192.0.2.9') });
    expect((await login()).status).toBe(200);
    expect((await login()).status).toBe(200);
    expectLimited(await login(), 10);
    // The right password from elsewhere still gets in.
    expect(typeof (await loginHq(app))).toBe('string');
  });

  it('lists the 429 in the OpenAPI document on exactly the limited routes', async () => {
    const doc = (await app.api.get('/openapi.json')).body as unknown as { paths: object };
    const limited = Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => '429' in op.responses)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(limited.sort()).toEqual(['POST /api/auth/wechat-login', 'POST /api/coupons/templates/{id}/claim', 'POST /api/groupbuy/join', 'POST /api/hq/auth/login', 'POST /api/orders']);
  });
});
