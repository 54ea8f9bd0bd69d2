/**
 * Two instances on one database and one Redis (MariaDB), both reaching Redis through the
 * loopback fault proxy: sold-out marks travel between them (and stay local while Redis is away),
 * and a burst of joins spread over both survives Redis connections reset in its middle: nothing
 * oversold, every join answered, and the reconciliation brings the copy back to the database.
 */
import { FaultProxy } from '../../../test/fault-proxy';
import { loginHq, TEST_DB, TEST_REDIS_URL, type TestApp } from '../../../test/harness';
import { copyOf, dropKeys, redisEnv, startPair, until } from './admission.test-support';
import { campaignRow, join, liveSeats, runningCampaign, shoppers, warnLog } from './groupbuy.test-support';

const ready = (app: TestApp) => until('redis ready', () => (app.services.redis!.status === 'ready' ? true : undefined));

(TEST_DB === 'mysql' ? describe : describe.skip)('two instances sharing Redis (MySQL)', () => {
  const proxy = new FaultProxy(new URL(TEST_REDIS_URL).hostname, Number(new URL(TEST_REDIS_URL).port || 6379));
  const warns = warnLog();
  let pair: Awaited<ReturnType<typeof startPair>>;
  let hq: string;
  beforeAll(async () => {
    const port = await proxy.start();
    const url = new URL(TEST_REDIS_URL);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    pair = await startPair(redisEnv(undefined, url.toString()), { log: warns.log });
    hq = await loginHq(pair.a);
    await ready(pair.a);
    await ready(pair.b);
  }, 60_000);
  afterAll(async () => {
    await dropKeys(pair.a);
    await pair.close();
    await proxy.stop();
  });

  it('a sold-out mark on one instance is seen by the other, a clear too; with Redis away marks stay local', async () => {
    const { a, b } = pair;
    a.services.soldOut.markSoldOut('campaign', 4242);
    await until('mark seen by b', () => (b.services.soldOut.isSoldOut('campaign', 4242) ? true : undefined));
    b.services.soldOut.clear('campaign', 4242);
    await until('clear seen by a', () => (a.services.soldOut.isSoldOut('campaign', 4242) ? undefined : true));

    proxy.breakAll();
    await until('redis away', () => (a.services.redis!.status !== 'ready' && b.services.redis!.status !== 'ready' ? true : undefined));
    a.services.soldOut.markSoldOut('sku', 77);
    expect(a.services.soldOut.isSoldOut('sku', 77)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(b.services.soldOut.isSoldOut('sku', 77)).toBe(false);
    proxy.heal();
    await ready(a);
    await ready(b);
    // Subscribed again after the reconnect: marks travel again.
    await until('marks travel again', async () => {
      a.services.soldOut.markSoldOut('sku', 78);
      await new Promise((r) => setTimeout(r, 100));
      return b.services.soldOut.isSoldOut('sku', 78) ? true : undefined;
    });
  });

  it('a burst over both instances with Redis connections reset mid-burst: nothing oversold, every join answered, drift reconciled', async () => {
    const { a, b } = pair;
    const c = await runningCampaign(a, hq, new Date(), { stock: 20, size: 2, limit: 1 });
    const crowd = await shoppers(a, 120);
    let answered = 0;
    const joins = crowd.map((s, i) =>
      join(i % 2 ? b : a, s, c.campaignId).then((r) => {
        // Reset every Redis connection once a quarter of the joins is answered; back 300 ms later.
        if (++answered === 30) {
          proxy.breakAll();
          setTimeout(() => proxy.heal(), 300);
        }
        return r;
      }),
    );
    const results = await Promise.all(joins);
    expect(proxy.forwarded).toBeGreaterThan(4); // the reset happened, and clients reconnected through it
    const statuses = results.map((r) => `${r.status} ${r.body.code ?? ''}`.trim());
    expect(statuses.filter((x) => !['201', '409 GROUPBUY_SOLD_OUT', '503 DB_UNAVAILABLE'].includes(x))).toEqual([]);
    const won = results.filter((r) => r.status === 201).length;
    expect(won).toBeLessThanOrEqual(20);
    expect(await liveSeats(a, 'campaign_id = ?', [c.campaignId])).toBe(won);
    const row = await campaignRow(a, c.campaignId);
    expect(row).toMatchObject({ held: won, left: 20 - won });
    expect(row.sold + row.held + row.left + row.returned).toBe(row.total);

    // Once Redis is back, the reconciliation makes the copy the database's figures.
    proxy.heal();
    await ready(a);
    await ready(b);
    const run = await a.services.scheduler.runOnce('groupbuy-admission');
    expect(run).toMatchObject({ ran: true });
    expect((await copyOf(a, c.campaignId)).left).toBe(20 - won);
    // And the units not sold in the burst are sold now, through both instances.
    const late = await Promise.all((await shoppers(a, 20 - won + 5)).map((s, i) => join(i % 2 ? b : a, s, c.campaignId)));
    expect(late.filter((r) => r.status === 201)).toHaveLength(20 - won);
    expect(await liveSeats(a, 'campaign_id = ?', [c.campaignId])).toBe(20);
  }, 120_000);
});
