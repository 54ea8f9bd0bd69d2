import fs from 'node:fs';
import type { Middleware } from 'koa';
import send from 'koa-send';
import type { AppState } from './context';

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
 */
export function serveDir(prefix: string, root: string, cacheControl: CachePolicy): Middleware<AppState> {
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith(prefix) || !fs.existsSync(root)) return next();
    const rel = ctx.path.slice(prefix.length) || '/';
    const file = rel === '/' ? '/index.html' : rel;
    ctx.set('Cache-Control', cacheControl(file));
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
