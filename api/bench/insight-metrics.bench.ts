/**
 * npm run bench:insight — the metrics at scale on the MySQL-compatible server (MariaDB: its
 * sequence tables generate the data in SQL): BENCH_MEMBERS members (default 200,000) and
 * BENCH_ORDERS paid orders (default 2,000,000) over the last 365 days, with the aggregates built
 * from them. Prints:
 * - the incremental update cost per order (what the OrderPaid handler does: sync one new paid
 *   order into the aggregates), time and statements, over BENCH_SYNCS orders (default 300);
 * - the nightly job (re-deriving yesterday: every order of the day synced, distinct counters recounted)
 *   and 概览's catch-up job (31 days compared; then one lost day recounted), and 概览's own
 *   OrderPaid handler per order (its product rows);
 * - p50/p99 of 概览 and of the metrics and ROI reads through HTTP to the API in its own process,
 *   BENCH_READS sequential requests each (default 200) after a warm-up.
 * Figures, not assertions: this is not a test.
 */
import mysql from 'mysql2/promise';
import { addDays, beijingDay } from '@common/metrics/period';
import { createDataSource } from '../src/db/data-source';
import { Transactor } from '../src/db/transaction';
import { MODULES } from '../src/modules';
import { GuideDirectory } from '../src/modules/guides/guides.overview';
import { MetricsFeed } from '../src/modules/metrics/metrics.feed';
import { MetricsJobs } from '../src/modules/metrics/metrics.jobs';
import { OrderFacts } from '../src/modules/orders/orders.facts';
import { CouponBatchReads } from '../src/modules/coupons';
import { PointsFlowReads, SigninReads } from '../src/modules/points';
import { startApiProcess } from './api-process';
import { buildAggregates, buildOverviewProducts, generate, newPaidOrders } from './insight-data';
import { ProductTally } from '../src/modules/overview/overview.products';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 200_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 2_000_000);
const SYNCS = Number(process.env.BENCH_SYNCS ?? 300);
const READS = Number(process.env.BENCH_READS ?? 200);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
const ms = (t: bigint) => Number(t) / 1e6;

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t = process.hrtime.bigint();
  const r = await run();
  console.log(`${label}: ${(ms(process.hrtime.bigint() - t) / 1000).toFixed(1)} s`);
  return r;
}

async function main(): Promise<void> {
  const proc = await startApiProcess();
  const db = await mysql.createConnection({ uri: proc.dbUrl });
  try {
    await timed(`generate ${MEMBERS} members, ${ORDERS} orders`, () => generate(db, { stores: 20, guides: 200, members: MEMBERS, orders: ORDERS }));
    await timed('build the aggregates', () => buildAggregates(db));
    const withProducts = await timed("build 概览's product rows (31 days)", () => buildOverviewProducts(db));

    // In this process, the module's own classes on the same schema (the API process runs the same code).
    const ds = createDataSource({ kind: 'mysql', url: proc.dbUrl, poolSize: 4 }, MODULES);
    await ds.initialize();
    // Statements per order: every query goes through the query runner's query().
    let statements = 0;
    const runner = Object.getPrototypeOf(ds.createQueryRunner()) as { query: (...args: unknown[]) => Promise<unknown> };
    const query = runner.query;
    runner.query = function (this: unknown, ...args: unknown[]) {
      statements++;
      return query.apply(this, args);
    };
    const tx = new Transactor(ds);
    const now = () => new Date();
    const orders = new OrderFacts(ds);
    const directory = new GuideDirectory(ds);
    const feed = new MetricsFeed({ tx, now, orders, storeOfGuide: (id) => directory.storeOfGuide(id), memberCreatedAt: async () => null, wecomContactSince: (id, since) => directory.wecomContactSince(id, since) });

    // New paid orders of today (as a payment would leave them), then synced one by one.
    const fresh = await orders.byIds(await newPaidOrders(db, SYNCS));
    const times: number[] = [];
    statements = 0;
    for (const o of fresh) {
      const t = process.hrtime.bigint();
      await feed.syncOrder(o);
      times.push(ms(process.hrtime.bigint() - t));
    }
    times.sort((a, b) => a - b);
    console.log(`incremental update per order (${fresh.length} orders): p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms, ${(statements / fresh.length).toFixed(1)} statements`);
    const products = new ProductTally(ds, tx, orders, now);
    if (withProducts) {
      // 概览's OrderPaid handler on the same orders: their lines into the product rows.
      const pt: number[] = [];
      statements = 0;
      for (const o of fresh) {
        const t = process.hrtime.bigint();
        await products.countOrderId(o.id);
        pt.push(ms(process.hrtime.bigint() - t));
      }
      pt.sort((a, b) => a - b);
      console.log(`  概览 product rows per order: p50 ${pct(pt, 50).toFixed(1)} ms, p99 ${pct(pt, 99).toFixed(1)} ms, ${(statements / fresh.length).toFixed(1)} statements`);
    }

    const signins = new SigninReads(ds);
    const jobs = new MetricsJobs({
      ds, tx, now, feed, orders,
      signedInOn: (ids, day) => signins.signedInOn(ids, day),
      newCustomersByGuide: (r) => directory.newCustomersByGuide(r),
      membersCreatedBetween: async (from, to) => Number((await ds.query('SELECT COUNT(*) AS n FROM member WHERE created_at >= ? AND created_at < ?', [from, to]))[0].n),
      couponsIssuedBetween: (from, to) => new CouponBatchReads(ds).issuedBetween(from, to),
      pointsBetween: (from, to) => new PointsFlowReads(ds).between(from, to),
    });
    const yesterday = addDays(beijingDay(now()), -1);
    const r = await timed(`nightly job (re-derive ${yesterday})`, () => jobs.rederive(yesterday));
    console.log(`  ${r.orders} orders re-synced, ${r.changed} changed`);
    if (withProducts) {
      // 概览's catch-up: with every day counted it reads 31 days' counts; with yesterday lost it recounts that day.
      await timed('概览 catch-up (31 days counted)', () => products.catchUp());
      await db.query('DELETE FROM overview_order WHERE day = ?', [yesterday]);
      await db.query("DELETE FROM overview_product_daily WHERE day = ?", [yesterday]);
      const c = await timed(`概览 catch-up (${yesterday} lost)`, () => products.catchUp());
      console.log(`  ${c.counted} orders counted again`);
    }
    await ds.destroy();

    const login = await proc.api.post('/api/hq/auth/login', { username: 'admin', password: proc.hqPassword });
    const token = login.body.data.token as string;
    const to = beijingDay(now());
    const reads: [string, string][] = [
      ['概览', '/api/hq/overview'],
      ['趋势（全渠道 30 天）', `/api/hq/metrics/series?scope=chain&grain=day&from=${addDays(to, -29)}&to=${to}`],
      ['趋势（全渠道 12 月）', `/api/hq/metrics/series?scope=chain&grain=month&from=${addDays(to, -364)}&to=${to}`],
      ['趋势（门店 12 周）', `/api/hq/metrics/series?scope=store&id=1&grain=week&from=${addDays(to, -83)}&to=${to}`],
      ['导购排行（30 天）', `/api/hq/metrics/leaderboard?kind=guide&from=${addDays(to, -29)}&to=${to}`],
      ['预警（30 天）', '/api/hq/metrics/alerts?days=30'],
      ['ROI', '/api/hq/metrics/roi'],
    ];
    for (const [label, path] of reads) {
      for (let i = 0; i < 5; i++) await proc.api.get(path, token);
      const t: number[] = [];
      for (let i = 0; i < READS; i++) {
        const start = process.hrtime.bigint();
        const res = await proc.api.get(path, token);
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        t.push(ms(process.hrtime.bigint() - start));
      }
      t.sort((a, b) => a - b);
      console.log(`${label}: p50 ${pct(t, 50).toFixed(1)} ms, p99 ${pct(t, 99).toFixed(1)} ms`);
    }
  } finally {
    await db.end();
    await proc.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
