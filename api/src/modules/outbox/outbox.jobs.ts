/** The outbox job: delivers due events to their subscribers, one bounded pass per tick. */
import type { Scheduler } from '../jobs';
import type { Outbox } from './outbox';

export function registerOutboxJobs(scheduler: Scheduler, outbox: Outbox): void {
  scheduler.register({ name: 'outbox', run: async () => ({ delivered: await outbox.processDue() }) });
}
