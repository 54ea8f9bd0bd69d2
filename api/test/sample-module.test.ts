/**
 * A feature plugs itself in through the module list alone: the test-only sample module adds a
 * checkout contributor (with its own body field), an order hook, an outbox handler, a job and a
 * route, and each one is seen to take effect. The same app without the module has none of them.
 */
import { markPaid, postOrder, shopperWithAddress } from '../src/modules/orders/orders.test-support';
import { loginHq, startTestApp, type TestApp } from './harness';
import { sampleModule, type SampleSeen } from './sample-module';
import { createSku, ok } from './shopping';

describe('a module added through the module list alone', () => {
  let app: TestApp;
  let plain: TestApp;
  let hq: string;

  beforeAll(async () => {
    [app, plain] = await Promise.all([startTestApp({}, { modules: [sampleModule] }), startTestApp()]);
    hq = await loginHq(app);
  });
  afterAll(() => Promise.all([app.close(), plain.close()]));

  const seen = async (): Promise<SampleSeen> => ok(await app.api.get('/api/sample/seen'));

  it('its route answers, and is in the OpenAPI document; without the module it is a 404', async () => {
    expect(await seen()).toEqual({ reserved: [], paidHook: [], paidEvents: [], jobRuns: 0 });
    const doc = (await app.api.get('/openapi.json')).body as unknown as { paths: Record<string, unknown> };
    expect(doc.paths['/api/sample/seen']).toBeDefined();
    expect((await plain.api.get('/api/sample/seen')).status).toBe(404);
  });

  it('its contributor reads its own checkout field and reserves with the order; without the module the field is refused', async () => {
    const sku = await createSku(app, hq, 1200, 5);
    const s = await shopperWithAddress(app);
    const order = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], sampleTag: 'hello' }), 201);
    expect((await seen()).reserved).toEqual([{ orderId: order.id, tag: 'hello' }]);

    const plainHq = await loginHq(plain);
    const other = await createSku(plain, plainHq, 1200, 5);
    const refused = await postOrder(plain, await shopperWithAddress(plain), { lines: [{ skuId: other.skuId, quantity: 1 }], sampleTag: 'hello' });
    expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('its order hook runs in the pay transition, and its outbox handler gets OrderPaid after commit', async () => {
    const sku = await createSku(app, hq, 900, 5);
    const order = ok(await postOrder(app, await shopperWithAddress(app), { lines: [{ skuId: sku.skuId, quantity: 1 }] }), 201);
    expect((await seen()).paidHook).not.toContain(order.id);
    await markPaid(app, order.id);
    expect((await seen()).paidHook).toContain(order.id);
    await app.services.outbox.drain();
    expect((await seen()).paidEvents).toContain(order.id);
  });

  it('its job is registered with the scheduler and runs', async () => {
    const run = await app.services.scheduler.runOnce('sample-job');
    expect(run).toMatchObject({ job: 'sample-job', ran: true, result: { runs: 1 } });
    expect((await seen()).jobRuns).toBe(1);
    expect(await plain.services.scheduler.runOnce('sample-job')).toMatchObject({ ran: false, error: 'no job named sample-job' });
  });
});
