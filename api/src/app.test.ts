import { startTestApp, type TestApp } from '../test/harness';

describe('HTTP conventions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('reports health with a real database round trip', async () => {
    const res = await app.api.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body.data.db).toBe('up');
  });

  it('serves an OpenAPI 3 document generated from the route schemas', async () => {
    const res = await app.api.get('/openapi.json');
    const doc = res.body as any;
    expect(doc.openapi).toMatch(/^3\./);
    const list = doc.paths['/api/products'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['categoryId', 'keyword', 'sort', 'page', 'pageSize']));
    expect(list.parameters.find((p: { name: string }) => p.name === 'sort').schema.enum).toEqual(['newest', 'price_asc', 'price_desc', 'sales']);
    expect(doc.paths['/api/products/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(doc.paths['/api/hq/products'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['categoryId', 'title', 'images', 'skus']),
    );
    expect(doc.paths['/api/hq/products'].post.security).toEqual([{ hq: [] }]);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app.api.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '页面不存在' });
  });

  it('refuses malformed JSON, non-JSON bodies and oversized bodies with a code', async () => {
    const bad = await app.api.call('POST', '/api/auth/wechat-login', { raw: '{"code":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const form = await app.api.call('POST', '/api/auth/wechat-login', { raw: 'code=abc', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await app.api.post('/api/auth/wechat-login', { code: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('tags every response with a request id, reusing a sane incoming one', async () => {
    const res = await app.api.call('GET', '/healthz', { headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers.get('x-request-id')).toBe('trace-12345678');
    const made = await app.api.call('GET', '/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('when the database goes away', () => {
  it('answers a generic 500 without internals, and health says 503', async () => {
    const app = await startTestApp();
    try {
      await app.ds.destroy();
      const res = await app.api.get('/api/categories');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试', requestId: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toMatch(/at |Error|\.ts|sql/i);
      expect((await app.api.get('/healthz')).status).toBe(503);
    } finally {
      await app.ds.initialize();
      await app.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight request, then refuses new ones and closes the pool', async () => {
    const app = await startTestApp();
    // A slow request: hold the handler in a transaction until shutdown has begun.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const entered = new Promise<void>((resolve) => {
      app.services.catalogue.categories = async () => {
        resolve();
        await gate;
        return [];
      };
    });
    const inflight = app.api.get('/api/categories');
    await entered;
    const stopping = app.stop();
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect((await inflight).status).toBe(200);
    await stopping;
    expect(app.ds.isInitialized).toBe(false);
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
    await app.close();
  });
});
