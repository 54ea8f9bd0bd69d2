/**
 * Malformed requests sent to every route of the OpenAPI document: whatever the shape of the
 * garbage, the answer is a JSON failure with a code and never a 5xx. Bodies announced as
 * compressed but not, unknown encodings, deep nesting, invalid UTF-8, repeated and bracketed
 * query parameters.
 */
import zlib from 'node:zlib';
import { loginHq, loginShopper, startTestApp, type ApiResult, type TestApp } from '../../test/harness';
import { createSku } from '../../test/shopping';

interface Route {
  method: string;
  path: string;
  token: string;
  hasBody: boolean;
}

describe('malformed requests to every route', () => {
  let app: TestApp;
  let routes: Route[];
  let hq: string;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    const shopper = (await loginShopper(app)).token;
    await createSku(app, hq, 990, 5);
    const doc = (await app.api.get('/openapi.json')).body as any;
    routes = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{[^}]+\}/g, '1'),
        token: op.security?.[0]?.hq ? hq : shopper,
        hasBody: ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase()),
      })),
    );
  });
  afterAll(() => app.close());

  const send = (r: Route, body: Buffer | string, headers: Record<string, string>) =>
    app.api.call(r.method, r.path, { raw: body as string, token: r.token, headers: { 'content-type': 'application/json', ...headers } });

  function expectRefusal(res: ApiResult, label: string): void {
    expect({ label, status: res.status < 500 && res.status >= 400, ok: res.body.ok, coded: typeof res.body.code === 'string' && typeof res.body.message === 'string' }).toEqual({
      label,
      status: true,
      ok: false,
      coded: true,
    });
  }

  it('covers every documented route with a body', () => {
    expect(routes.filter((r) => r.hasBody).length).toBeGreaterThanOrEqual(25);
  });

  it.each(['gzip', 'deflate', 'br'])('refuses a body announced as %s but not compressed with 400 BODY_ENCODING_INVALID', async (encoding) => {
    for (const r of routes.filter((x) => x.hasBody)) {
      const res = await send(r, '{"name":"x"}', { 'content-encoding': encoding });
      expect([`${r.method} ${r.path}`, res.status, res.body.code, res.body.message]).toEqual([
        `${r.method} ${r.path}`,
        400,
        'BODY_ENCODING_INVALID',
        '请求内容与声明的压缩格式不符，请重新提交',
      ]);
    }
  });

  it('refuses an unknown Content-Encoding with 415 CONTENT_ENCODING_UNSUPPORTED', async () => {
    for (const r of routes.filter((x) => x.hasBody)) {
      const res = await send(r, '{"name":"x"}', { 'content-encoding': 'x-snappy' });
      expect([`${r.method} ${r.path}`, res.status, res.body.code]).toEqual([`${r.method} ${r.path}`, 415, 'CONTENT_ENCODING_UNSUPPORTED']);
    }
  });

  it.each([
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const)('accepts JSON genuinely compressed with %s', async (encoding, compress) => {
    const res = await app.api.call('POST', '/api/hq/categories', {
      raw: compress(Buffer.from(JSON.stringify({ name: `压缩${encoding}` }))) as unknown as string,
      token: hq,
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
    });
    expect([res.status, res.body.data?.name]).toEqual([201, `压缩${encoding}`]);
  });

  it('applies the body size limit after inflating (a small gzip of a huge body is 413)', async () => {
    const bomb = zlib.gzipSync(Buffer.from(`{"name":"${' '.repeat(4 * 1024 * 1024)}"}`));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await app.api.call('POST', '/api/hq/categories', {
      raw: bomb as unknown as string,
      token: hq,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('answers deep nesting, invalid UTF-8, non-object JSON and a wrong content type with a 4xx and a code', async () => {
    const bodies: [string, Buffer | string, Record<string, string>][] = [
      ['deep array', '['.repeat(50_000) + ']'.repeat(50_000), {}],
      ['deep object', '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000), {}],
      ['invalid utf-8', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]), {}],
      ['null', 'null', {}],
      ['number', '12', {}],
      ['text/plain', '{"name":"x"}', { 'content-type': 'text/plain' }],
      ['form', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['unknown charset', '{"name":"x"}', { 'content-type': 'application/json; charset=ebcdic' }],
    ];
    for (const r of routes.filter((x) => x.hasBody)) {
      for (const [label, body, headers] of bodies) {
        const res = await send(r, body, headers);
        // Some of these are valid for a route without a body schema; none may be a 5xx.
        if (res.status < 400) expect(`${label} ${r.method} ${r.path} ${res.status}`).toMatch(/ 20\d$/);
        else expectRefusal(res, `${label} ${r.method} ${r.path}`);
      }
    }
  });

  it('names at most 20 issues, however many keys a body carries', async () => {
    const keys = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 1]));
    const res = await app.api.post('/api/hq/categories', { name: '多键', ...keys }, hq);
    expect([res.status, res.body.code, res.body.field, res.body.issues?.length]).toEqual([400, 'VALIDATION_FAILED', 'k0', 20]);
  });

  it('answers repeated, bracketed and badly escaped query parameters with a 4xx or a normal answer, never a 5xx', async () => {
    const queries = ['page=1&page=2', 'pageSize[]=5', 'categoryId[a]=1', 'keyword=%E0%A4%A', 'status=paid&status=shipped', 'tab=all&tab=unpaid', '%ZZ=1', 'sort=newest&sort=sales'];
    for (const r of routes.filter((x) => x.method === 'GET')) {
      for (const q of queries) {
        const res = await app.api.call('GET', `${r.path}?${q}`, { token: r.token });
        if (res.status >= 400) expectRefusal(res, `GET ${r.path}?${q}`);
        else expect(res.status).toBe(200);
      }
    }
    // A repeated page number is refused, naming it, rather than read as the first or the last.
    const dup = await app.api.get('/api/products?page=1&page=2');
    expect([dup.status, dup.body.code, dup.body.field]).toEqual([400, 'VALIDATION_FAILED', 'page']);
  });
});
