/** Routes kept in groups answer every request exactly as one @koa/router holding them all would. */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa, { type Middleware } from 'koa';
import type { AppState } from './context';
import { groupOf, RouteTable } from './route-table';

type Method = 'get' | 'post' | 'patch' | 'delete';
type Tagged = AppState & { tag?: string };

/** Each route answers with its own name and the params it saw; a prefix middleware tags the request. */
const ROUTES: [Method, string][] = [
  ['get', '/healthz'],
  ['get', '/openapi.json'],
  ['get', '/api/home'],
  ['get', '/api/products'],
  ['get', '/api/products/:id'],
  ['get', '/api/products/:id/share'],
  ['post', '/api/orders'],
  ['get', '/api/orders/:id'],
  ['post', '/api/orders/:id/cancel'],
  ['get', '/api/hq/products/:id'],
  ['patch', '/api/hq/products/:id'],
  ['delete', '/api/hq/banners/:id'],
  ['get', '/uploads/images/:name'],
  ['post', '/api/pos/sales'],
];

function answer(name: string): Middleware<AppState> {
  return (ctx) => {
    ctx.body = { name, params: (ctx as unknown as { params: unknown }).params, tag: (ctx.state as Tagged).tag ?? null };
  };
}

const tag: Middleware<AppState> = (ctx, next) => {
  (ctx.state as Tagged).tag = 'pos';
  return next();
};

async function serve(routes: Middleware<AppState>): Promise<{ url: string; server: http.Server }> {
  const app = new Koa<AppState>();
  app.use(routes);
  app.use((ctx) => {
    ctx.status = 404;
    ctx.body = 'fell through';
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the route table', () => {
  let one: { url: string; server: http.Server };
  let grouped: { url: string; server: http.Server };

  beforeAll(async () => {
    const router = new Router<AppState>();
    const table = new RouteTable();
    router.use('/api/pos', tag);
    table.use('/api/pos', tag);
    for (const [method, path] of ROUTES) {
      router[method](path, answer(`${method} ${path}`));
      table[method](path, answer(`${method} ${path}`));
    }
    one = await serve(router.routes() as Middleware<AppState>);
    grouped = await serve(table.routes());
  });
  afterAll(async () => {
    await Promise.all([one, grouped].map(({ server }) => new Promise((r) => server.close(r))));
  });

  it('answers like one router: params, case, trailing slashes, wrong methods, unknown paths, prefix middleware', async () => {
    const asks: [string, string][] = [
      ['GET', '/healthz'],
      ['GET', '/healthz/'],
      ['GET', '/HEALTHZ'],
      ['GET', '/openapi.json'],
      ['GET', '/api/home'],
      ['GET', '/api/home/'],
      ['GET', '/API/Home'],
      ['GET', '/api/products'],
      ['GET', '/api/products/12'],
      ['GET', '/api/products/12/'],
      ['GET', '/api/products/12/share'],
      ['GET', '/api/products/%E5%95%86'],
      ['GET', '/api/products/12/share/more'],
      ['POST', '/api/products/12'],
      ['POST', '/api/orders'],
      ['GET', '/api/orders'],
      ['GET', '/api/orders/7'],
      ['POST', '/api/orders/7/cancel'],
      ['GET', '/api/hq/products/3'],
      ['PATCH', '/api/hq/products/3'],
      ['DELETE', '/api/hq/banners/9'],
      ['DELETE', '/api/hq/products/3'],
      ['GET', '/uploads/images/a.png'],
      ['POST', '/api/pos/sales'],
      ['GET', '/api/pos/sales'],
      ['GET', '/api//products'],
      ['GET', '/api'],
      ['GET', '/'],
      ['GET', '/nowhere/at/all'],
    ];
    let routed = 0;
    for (const [method, path] of asks) {
      const [a, b] = await Promise.all([one, grouped].map(async ({ url }) => {
        const res = await fetch(url + path, { method });
        return { status: res.status, body: await res.text() };
      }));
      expect({ method, path, ...b }).toEqual({ method, path, ...a });
      if (a.status === 200) routed += 1;
    }
    // The comparison means something only if both kinds of answer occur.
    expect(routed).toBeGreaterThan(15);
    expect(routed).toBeLessThan(asks.length);
  });

  it('groups a path by its first two segments, lowercased, without a trailing slash', () => {
    expect(groupOf('/api/products/12')).toBe('/api/products');
    expect(groupOf('/API/Products/')).toBe('/api/products');
    expect(groupOf('/healthz/')).toBe('/healthz');
    expect(groupOf('/api//products')).toBe('/api');
    expect(groupOf('/api/products')).toBe('/api/products');
    expect(groupOf('/')).toBe('/');
  });

  it('refuses a route or middleware that could match outside its group', () => {
    const table = new RouteTable();
    expect(() => table.get('/api/:kind', answer('x'))).toThrow(/fixed text/);
    expect(() => table.get('/:any/products', answer('x'))).toThrow(/fixed text/);
    expect(() => table.post('/api/(.*)', answer('x'))).toThrow(/fixed text/);
    expect(() => table.get('relative/path', answer('x'))).toThrow(/fixed text/);
    expect(() => table.use('/api', tag)).toThrow(/two segments/);
  });
});
