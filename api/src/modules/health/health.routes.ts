import type { DataSource } from 'typeorm';
import type { RouteTable } from '../../http/route-table';

/** Liveness plus a real round trip to the database; 503 when the database does not answer. */
export function registerHealth(router: RouteTable, ds: DataSource, isShuttingDown: () => boolean): void {
  router.get('/healthz', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    if (isShuttingDown()) {
      ctx.status = 503;
      ctx.body = { ok: false, code: 'SERVICE_UNAVAILABLE', message: 'shutting down' };
      return;
    }
    const started = Date.now();
    try {
      await ds.query('SELECT 1');
      ctx.body = { ok: true, data: { db: 'up', driver: ds.options.type, dbMs: Date.now() - started } };
    } catch (err) {
      ctx.state.log.error({ err }, 'health check: database down');
      ctx.status = 503;
      ctx.body = { ok: false, code: 'SERVICE_UNAVAILABLE', message: 'database unavailable' };
    }
  });
}
