import fs from 'node:fs';
import type { Middleware } from 'koa';
import send from 'koa-send';
import type { AppState } from './context';

/**
 * Serves files under `root` for GET/HEAD paths starting with `prefix`. Only that folder is
 * reachable: koa-send refuses `..` and hidden files.
 */
export function serveDir(prefix: string, root: string, maxAgeMs: number): Middleware<AppState> {
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith(prefix) || !fs.existsSync(root)) return next();
    const rel = ctx.path.slice(prefix.length) || '/';
    const served = await send(ctx, rel === '/' ? '/index.html' : rel, { root, maxage: maxAgeMs, immutable: maxAgeMs > 0 }).catch(
      (err: { status?: number }) => {
        if (err.status === 404 || err.status === 400) return null;
        throw err;
      },
    );
    if (!served) return next();
  };
}
