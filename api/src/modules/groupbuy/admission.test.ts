/**
 * The Redis admission gate on one instance (MariaDB and SQLite, a real Redis): tickets decide
 * who reaches the database, the database still has the last word, tickets that place no order
 * go back, releases and HQ edits reach the copy, the reconciliation repairs drift, and a Redis
 * that is away only sends joins down the database path.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { FaultProxy } from '../../../test/fault-proxy';
import { ok } from '../../../test/shopping';
import { copyOf, dropKeys, redisEnv, skewCopy, until } from './admission.test-support';
import { campaignRow, join, liveSeats, runningCampaign, shopper, shoppers, warnLog } from './groupbuy.test-support';

let app: TestApp;
let hq: string;
const warns = warnLog();
beforeAll(async () => {
  app = await startTestApp(redisEnv(), { log: warns.log });
  hq = await loginHq(app);
});
afterAll(async () => {
  await dropKeys(app);
  await app.close();
});

it('a burst sells exactly the units; the copy and the database agree; losers are refused by the copy', async () => {
  const c = await runningCampaign(app, hq, new Date(), { stock: 10, size: 2, limit: 1 });
  const crowd = await shoppers(app, 40);
  const results = await Promise.all(crowd.map((s) => join(app, s, c.campaignId)));
  expect(results.filter((r) => r.status === 201)).toHaveLength(10);
  expect(new Set(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.code}`))).toEqual(new Set(['409 GROUPBUY_SOLD_OUT']));
  // Refused by the gate, not by checkout's quote (which names its field, groupBuy).
  expect(results.filter((r) => r.status === 409).map((r) => r.body.field ?? null)).toEqual(Array(30).fill(null));
  expect(await liveSeats(app, 'campaign_id = ?', [c.campaignId])).toBe(10);
  expect(await campaignRow(app, c.campaignId)).toMatchObject({ left: 0, held: 10 });
  // Every ticket settled: none left live, nothing left in the copy.
  expect(await until('tickets settled', async () => ((await copyOf(app, c.campaignId)).tickets === 0 ? true : undefined))).toBe(true);
  expect((await copyOf(app, c.campaignId)).left).toBe(0);
});

it('the per-shopper limit is kept in the copy; a replay with its idempotency key still answers its order', async () => {
  const c = await runningCampaign(app, hq, new Date(), { stock: 10, size: 2, limit: 1 });
  const s = await shopper(app);
  const headers = { 'idempotency-key': 'join-once-0001' };
  const first = await app.api.call('POST', '/api/groupbuy/join', { body: { campaignId: c.campaignId, quantity: 1, addressId: s.addressId }, token: s.token, headers });
  expect(first.status).toBe(201);
  const again = await join(app, s, c.campaignId);
  expect([again.status, again.body.code]).toEqual([409, 'GROUPBUY_LIMIT_REACHED']);
  const replay = await app.api.call('POST', '/api/groupbuy/join', { body: { campaignId: c.campaignId, quantity: 1, addressId: s.addressId }, token: s.token, headers });
  expect([replay.status, replay.body.data.id]).toEqual([200, first.body.data.id]);
  expect(await copyOf(app, c.campaignId, s.memberId)).toMatchObject({ left: 9, mine: 1 });
});

it('a ticket whose order fails goes back; a cancelled seat gives its unit back to the copy', async () => {
  const c = await runningCampaign(app, hq, new Date(), { stock: 3, size: 2, limit: 1 });
  const s = await shopper(app);
  // Admitted by the copy, refused by the database: a group that does not exist.
  const r = await join(app, s, c.campaignId, 999_999);
  expect([r.status, r.body.code]).toEqual([404, 'GROUPBUY_GROUP_NOT_FOUND']);
  await until('ticket given back', async () => ((await copyOf(app, c.campaignId, s.memberId)).left === 3 ? true : undefined));
  expect(await copyOf(app, c.campaignId, s.memberId)).toMatchObject({ left: 3, mine: 0, tickets: 0 });
  const seat = ok(await join(app, s, c.campaignId), 201);
  expect((await copyOf(app, c.campaignId)).left).toBe(2);
  ok(await app.api.post(`/api/orders/${seat.id}/cancel`, {}, s.token));
  await until('unit returned', async () => ((await copyOf(app, c.campaignId)).left === 3 ? true : undefined));
  expect(await copyOf(app, c.campaignId, s.memberId)).toMatchObject({ left: 3, mine: 0 });
  // HQ adds units: the copy follows.
  ok(await app.api.patch(`/api/hq/groupbuy/campaigns/${c.campaignId}`, { stockDelta: 2 }, hq));
  await until('stock edit copied', async () => ((await copyOf(app, c.campaignId)).left === 5 ? true : undefined));
});

it('the reconciliation job repairs drift both ways and logs it', async () => {
  const c = await runningCampaign(app, hq, new Date(), { stock: 4, size: 2, limit: 1 });
  ok(await join(app, await shopper(app), c.campaignId), 201);
  // Too few (a give-back lost while Redis was away): joins would be refused wrongly.
  await skewCopy(app, c.campaignId, 0);
  const refused = await join(app, await shopper(app), c.campaignId);
  expect(refused.body.code).toBe('GROUPBUY_SOLD_OUT');
  warns.lines.length = 0;
  const run = await app.services.scheduler.runOnce('groupbuy-admission');
  expect(run).toMatchObject({ ran: true, result: { drifted: 1 } });
  expect((await copyOf(app, c.campaignId)).left).toBe(3);
  expect(warns.lines).toContainEqual(expect.objectContaining({ campaignId: c.campaignId, redisLeft: 0, dbLeft: 3, repairedLeft: 3 }));
  // The sold-out mark the skew caused is cleared with it: the next shopper gets a seat.
  ok(await join(app, await shopper(app), c.campaignId), 201);
  // Too many: the database still refuses the extra, and the job brings the copy back.
  await skewCopy(app, c.campaignId, 50);
  ok(await join(app, await shopper(app), c.campaignId), 201);
  ok(await join(app, await shopper(app), c.campaignId), 201);
  const over = await join(app, await shopper(app), c.campaignId);
  expect([over.status, over.body.code]).toEqual([409, 'GROUPBUY_SOLD_OUT']);
  expect(await liveSeats(app, 'campaign_id = ?', [c.campaignId])).toBe(4);
  await app.services.scheduler.runOnce('groupbuy-admission');
  expect((await copyOf(app, c.campaignId)).left).toBe(0);
});

it('Redis away: joins take the database path and still sell exactly the units', async () => {
  const proxy = new FaultProxy('127.0.0.1', 6379);
  const port = await proxy.start();
  proxy.breakAll();
  const away = await startTestApp(redisEnv(undefined, `redis://127.0.0.1:${port}/0`));
  try {
    const h = await loginHq(away);
    const c = await runningCampaign(away, h, new Date(), { stock: 5, size: 2, limit: 1 });
    const results = await Promise.all((await shoppers(away, 12)).map((s) => join(away, s, c.campaignId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.every((r) => r.status === 201 || r.status === 409 || r.status === 503)).toBe(true);
    expect(await liveSeats(away, 'campaign_id = ?', [c.campaignId])).toBe(5);
  } finally {
    await away.close();
    await proxy.stop();
  }
  // A second app (schema, migrations) on a loaded CI machine.
}, 120_000);
