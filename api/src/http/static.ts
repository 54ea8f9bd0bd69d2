import fs from 'node:fs';
import type { Middleware } from 'koa';
import send from 'koa-send';
import type { AppContext, AppState } from './context';
import type { PreparedPage } from './h5-index';

/** Cache-Control for a served file, from its path under the folder. */
export type CachePolicy = (relPath: string) => string;

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The H5 build: files whose name carries their content hash (`app.1a2b3c4d.js`) never change
 * under that name, so browsers and CDNs keep them a year without asking; everything else
 * (index.html, which names the current hashes) is revalidated on every load.
 */
export const h5CachePolicy: CachePolicy = (rel) =>
  /\.[0-9a-f]{8}\.\w+$/.test(rel) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache';

/** The HQ console (Vite): everything under assets/ carries its content hash; index.html is revalidated. */
export const consoleCachePolicy: CachePolicy = (rel) => (/^\/?assets\//.test(rel) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache');

/**
 * Serves files under `root` for GET/HEAD paths starting with `prefix`. Only that folder is
 * reachable: koa-send refuses `..` and hidden files. A `.br` or `.gz` made at build time beside
 * a file is sent instead when the client accepts it (koa-send picks it); a revalidation whose
 * If-Modified-Since still holds gets a 304.
 *
 * `index`, when given, makes index.html instead (the H5 build's with 首页's first screen in it,
 * h5-index.ts); it answers null to fall back to the file. Such a page changes without its file:
 * it carries an ETag over its own bytes and no Last-Modified.
 */
export function serveDir(prefix: string, root: string, cacheControl: CachePolicy, index?: () => Promise<PreparedPage | null>): Middleware<AppState> {
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith(prefix) || !fs.existsSync(root)) return next();
    const rel = ctx.path.slice(prefix.length) || '/';
    const file = rel === '/' ? '/index.html' : rel;
    ctx.set('Cache-Control', cacheControl(file));
    const page = index && (file === '/index.html' || file === 'index.html') ? await index() : null;
    if (page) return sendPage(ctx, page);
    const served = await send(ctx, file, { root }).catch((err: { status?: number }) => {
      if (err.status === 404 || err.status === 400) return null;
      throw err;
    });
    if (!served) {
      ctx.remove('Cache-Control');
      ctx.remove('Content-Encoding');
      return next();
    }
    // The answer depends on Accept-Encoding whenever a compressed copy may exist.
    ctx.vary('Accept-Encoding');
    if (ctx.fresh) {
      (ctx.body as fs.ReadStream).destroy();
      ctx.status = 304;
    }
  };
}

/** A made page, compressed as the client accepts (brotli first), a 304 while its ETag holds. */
function sendPage(ctx: AppContext, page: PreparedPage): void {
  ctx.vary('Accept-Encoding');
  ctx.set('ETag', page.etag);
  ctx.type = 'text/html; charset=utf-8';
  const encoding = ctx.acceptsEncodings('br') === 'br' ? 'br' : ctx.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
  ctx.body = encoding ? page[encoding] : page.identity;
  // Koa compares If-None-Match with the ETag set above (GET/HEAD, 2xx only).
  if (ctx.fresh) ctx.status = 304;
  else if (encoding) ctx.set('Content-Encoding', encoding);
}
