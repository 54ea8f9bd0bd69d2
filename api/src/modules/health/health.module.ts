/** /healthz: liveness plus a database round trip. */
import { defineModule } from '../../platform/module';
import { registerHealth } from './health.routes';

export const healthModule = defineModule({
  name: 'health',
  entities: [],
  migrations: [],
  errors: {},
  build(ctx) {
    ctx.routes((api) => registerHealth(api.router, ctx.ds, ctx.isShuttingDown));
    return {};
  },
});
