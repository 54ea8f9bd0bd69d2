/** The outbox's module: its tables, its delivery job and HQ's view of stuck deliveries. The Outbox is a core service. */
import { defineModule } from '../../platform/module';
import { OutboxStuckIndex1796205000003 } from '../../db/migrations/1796205000003-outbox-stuck-index';
import { OutboxDelivery, OutboxEvent } from './outbox.entities';
import { registerOutboxJobs } from './outbox.jobs';
import { registerOutboxRoutes } from './outbox.routes';

export const outboxModule = defineModule({
  name: 'outbox',
  entities: [OutboxEvent, OutboxDelivery],
  // outbox_event and outbox_delivery came with the orders migration (1795400000000); HQ's list index later.
  migrations: [OutboxStuckIndex1796205000003],
  errors: { OUTBOX_DELIVERY_NOT_FOUND: 404, OUTBOX_DELIVERY_DONE: 409 },
  build(ctx) {
    registerOutboxJobs(ctx.scheduler, ctx.outbox);
    ctx.routes((api) => registerOutboxRoutes(api, ctx.ds, ctx.outbox));
    return {};
  },
});
