/** Public entry of the outbox module: enqueue after-commit events, subscribe handlers to them. */
export { outboxModule } from './outbox.module';
export { Outbox, MAX_ATTEMPTS, type HandlerContext, type OutboxHandler, type StuckDelivery, type StuckFilter } from './outbox';
export type { OutboxEvents, OutboxEventType } from './events';
