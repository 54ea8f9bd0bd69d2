/**
 * A test-only feature module: it plugs a checkout contributor, an order hook, an outbox handler,
 * a job and a route into Loopmall through the module list alone (startTestApp's `modules`), with
 * no edit anywhere else. Each records what it saw, and the route answers that record, so a test
 * can tell that every one of the five took effect.
 */
import { z } from 'zod';
import { RANK, type CheckoutContributor } from '../src/modules/orders';
import { defineModule } from '../src/platform/module';

// Its checkout note, declared the way every feature declares its own (common/order/checkout-notes.ts).
declare module '@common/order/checkout-notes' {
  interface CheckoutNotes {
    sample?: { tag: string };
  }
}

export interface SampleSeen {
  /** Orders the contributor's reserve ran for, with the tag the shopper sent. */
  reserved: { orderId: number; tag: string }[];
  /** Orders the `pay` hook ran for, inside the transition's transaction. */
  paidHook: number[];
  /** OrderPaid events the outbox handler received (after commit). */
  paidEvents: number[];
  /** How often the job ran. */
  jobRuns: number;
}

export const sampleModule = defineModule({
  name: 'sample',
  entities: [],
  migrations: [],
  errors: {},
  build(ctx) {
    const seen: SampleSeen = { reserved: [], paidHook: [], paidEvents: [], jobRuns: 0 };
    const contributor: CheckoutContributor = {
      name: 'sample',
      rank: RANK.coupon + 1,
      field: { name: 'sampleTag', schema: z.string().regex(/^[a-z]{1,12}$/).optional(), description: 'A test module’s tag' },
      quote(draft) {
        const tag = draft.body.sampleTag;
        if (typeof tag === 'string') draft.notes.sample = { tag };
      },
      async reserve({ order, draft }) {
        const note = draft.notes.sample;
        if (note) seen.reserved.push({ orderId: order.id, tag: note.tag });
      },
    };
    ctx.contributors.register(contributor);
    ctx.hooks.onTransition({ name: 'sample.on-pay', events: ['pay'], run: async ({ order }) => void seen.paidHook.push(order.id) });
    ctx.outbox.subscribe('OrderPaid', 'sample.order-paid', async (e) => void seen.paidEvents.push(e.orderId));
    ctx.scheduler.register({ name: 'sample-job', run: async () => ({ runs: ++seen.jobRuns }) });
    ctx.routes((api) =>
      api.route({ method: 'get', path: '/api/sample/seen', tag: 'sample', summary: '测试模块：它看到了什么', access: 'public' }, async () => seen),
    );
    return { sample: { seen } };
  },
});
