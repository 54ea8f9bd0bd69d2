/** The H5 build as the API serves it: precompressed copies, long-lived hashed files, index.html revalidated. */
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Koa from 'koa';
import type { AppState } from './context';
import { h5CachePolicy, serveDir } from './static';
import { rawGet as get } from '../../test/raw-get';

describe('serving the H5 build', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopmall-h5-'));
  const html = `<!doctype html><html><body>${'首页'.repeat(400)}<script src="/js/app.1a2b3c4d.js"></script></body></html>`;
  const js = `console.log(${JSON.stringify('x'.repeat(5000))});`;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'js'));
    const write = (rel: string, text: string, compressed = true) => {
      fs.writeFileSync(path.join(dir, rel), text);
      if (!compressed) return;
      fs.writeFileSync(path.join(dir, `${rel}.br`), zlib.brotliCompressSync(text));
      fs.writeFileSync(path.join(dir, `${rel}.gz`), zlib.gzipSync(text));
    };
    write('index.html', html);
    write('js/app.1a2b3c4d.js', js);
    write('js/small.5e6f7a8b.js', 'void 0;', false);
    const app = new Koa<AppState>();
    app.use(serveDir('/', dir, h5CachePolicy));
    app.use((ctx) => {
      ctx.status = 404;
      ctx.body = 'fell through';
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the brotli copy to a client that accepts it, else gzip, else the file itself', async () => {
    const br = await get(base, '/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.body.length).toBeLessThan(js.length / 10);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(js);

    const gz = await get(base, '/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(js);

    const plain = await get(base, '/js/app.1a2b3c4d.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
    for (const r of [br, gz, plain]) expect(r.headers.vary).toMatch(/Accept-Encoding/i);

    // No compressed copy: the file as it is, whatever the client accepts.
    const small = await get(base, '/js/small.5e6f7a8b.js', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('void 0;');
  });

  it('lets hashed files live a year and makes index.html revalidate', async () => {
    expect((await get(base, '/js/app.1a2b3c4d.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await get(base, '/', { 'accept-encoding': 'br' });
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(zlib.brotliDecompressSync(index.body).toString()).toBe(html);

    const again = await get(base, '/', { 'accept-encoding': 'br', 'if-modified-since': index.headers['last-modified']! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const stale = await get(base, '/', { 'if-modified-since': new Date(Date.parse(index.headers['last-modified']!) - 60_000).toUTCString() });
    expect(stale.status).toBe(200);
  });

  it('passes a missing file on, without the headers it had started to set', async () => {
    const missing = await get(base, '/js/nope.12345678.js', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toBe('fell through');
    expect(missing.headers['cache-control']).toBeUndefined();
    expect(missing.headers['content-encoding']).toBeUndefined();
  });
});
