/**
 * bench:insight (segments part) — member insight at scale on the MySQL-compatible server at
 * TEST_DATABASE_URL (a fresh schema, dropped afterwards):
 *   - generates BENCH_MEMBERS members (default 200,000) and BENCH_ORDERS paid orders (default
 *     2,000,000) by bulk SQL (MariaDB's sequence tables): the members in the member table, the
 *     orders as insight's own copy of them (insight_order, the only order data the nightly job
 *     reads), 70 % of the members bound to four guides of two stores;
 *   - times the nightly job (backfill, re-aggregation, medians and the 高净值 cut, re-score) on
 *     the first night and on a second night;
 *   - the incremental cost per order: the OrderPaid handler's work (InsightRows.applyOrder) over
 *     orders placed and paid through the real API;
 *   - p50/p99 of HQ's reads through HTTP: the segment distribution, a page of a segment's members
 *     (HQ-wide and as a store manager).
 * Figures, not assertions. Knobs: BENCH_MEMBERS, BENCH_ORDERS, BENCH_REQUESTS (default 300 per read),
 * BENCH_CONCURRENCY (default 8).
 */
import { SEGMENT_CODES } from '@common/insight/rfm';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 200_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 2_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const API_ORDERS = 200;
/** Generated orders' ids start here, far above the API-placed ones. */
const ORDER_ID_BASE = 100_000_000;

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main(): Promise<void> {
  process.env.LOOPMALL_TEST_DB = 'mysql';
  const { startTestApp, loginHq } = await import('../test/harness');
  const { createSku, ok } = await import('../test/shopping');
  const { aGuide } = await import('../src/modules/guides/guides.test-support');
  const { account } = await import('../src/modules/hq-accounts/hq-access.test-support');
  const { shopperWithAddress, postOrder } = await import('../src/modules/orders/orders.test-support');

  const app = await startTestApp();
  try {
    const hq = await loginHq(app);
    const guides = [await aGuide(app, hq), await aGuide(app, hq)];
    guides.push(await aGuide(app, hq, guides[0].storeId), await aGuide(app, hq, guides[1].storeId));
    const manager = (await account(app, hq, 'bench-mgr', 'store_manager', guides[0].storeId)).token;

    // --- incremental: orders through the real API, then the handler's work per order ---
    const sku = await createSku(app, hq, 9_900, 100_000);
    const shoppers = await Promise.all(Array.from({ length: 20 }, () => shopperWithAddress(app)));
    const orderIds: number[] = [];
    for (let i = 0; i < API_ORDERS; i++) {
      const s = shoppers[i % shoppers.length];
      const o = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 + (i % 3) }] }), 201);
      ok(await app.api.post(`/api/orders/${o.id}/dev-pay`, {}, s.token));
      orderIds.push(o.id);
    }
    await app.services.outbox.drain();
    const perOrder: number[] = [];
    for (const id of orderIds) {
      const t0 = process.hrtime.bigint();
      await app.services.insight.rows.applyOrder(id);
      perOrder.push(ms(t0));
    }

    // --- generation (bulk SQL) ---
    const q = (sql: string, params: unknown[] = []) => app.ds.query(sql, params);
    let t0 = process.hrtime.bigint();
    await q(
      `INSERT INTO member (openid, unionid, nickname, avatar_url, created_at, last_login_at)
       SELECT CONCAT('bench-', seq), NULL, CONCAT('会员', seq), NULL, UTC_TIMESTAMP(3) - INTERVAL (seq % 730) DAY, UTC_TIMESTAMP(3) FROM seq_1_to_${MEMBERS}`,
    );
    const [{ lo }] = await q("SELECT MIN(id) AS lo FROM member WHERE openid LIKE 'bench-%'");
    const first = Number(lo);
    const guideIds = guides.map((g) => g.id);
    await q(
      `INSERT INTO guide_binding (member_id, guide_id, source, bound_at, version)
       SELECT id, ELT(1 + id % 4, ${guideIds.join(', ')}), 'touch', UTC_TIMESTAMP(3), 1 FROM member WHERE id >= ? AND id % 10 < 7`,
      [first],
    );
    await q(
      `INSERT INTO insight_order (order_id, member_id, paid_at, payable_fen, refunded_fen, promo)
       SELECT ${ORDER_ID_BASE} + seq,
              -- even orders spread over the even members, odd ones over the first quarter: some members buy
              -- often, many now and then, the odd ones past the first quarter never (潜在用户)
              ? + CASE WHEN seq % 2 = 0 THEN (seq * 7919) % ${MEMBERS} ELSE (seq * 7919) % ${Math.floor(MEMBERS / 4)} END,
              UTC_TIMESTAMP(3) - INTERVAL ((seq * 104729) % 500) DAY - INTERVAL (seq % 86400) SECOND,
              1000 + (seq * 31) % 60000, CASE WHEN seq % 25 = 0 THEN 500 ELSE 0 END, seq % 5 = 0
       FROM seq_1_to_${ORDERS}`,
      [first],
    );
    await q('ANALYZE TABLE member, guide_binding, insight_order');
    const generation = ms(t0);

    // --- the nightly job ---
    t0 = process.hrtime.bigint();
    const night1 = await app.services.insight.nightly.run(true);
    const firstNight = ms(t0);
    t0 = process.hrtime.bigint();
    const night2 = await app.services.insight.nightly.run(true);
    const secondNight = ms(t0);

    // --- HQ reads through HTTP (the distribution is reused for a minute: its first read is the cost) ---
    t0 = process.hrtime.bigint();
    ok(await app.api.get('/api/hq/insight/segments', hq));
    const distributionMiss = ms(t0);
    const timed = async (path: (i: number) => string, token: string) => {
      const times: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < REQUESTS) {
            const i = next++;
            const s = process.hrtime.bigint();
            const res = await app.api.get(path(i), token);
            if (res.status !== 200) throw new Error(`${path(i)} answered ${res.status}`);
            times.push(ms(s));
          }
        }),
      );
      return { p50: pct(times, 50), p99: pct(times, 99) };
    };
    const segmentPage = (i: number) => `/api/hq/insight/members?segment=${SEGMENT_CODES[i % SEGMENT_CODES.length]}&page=${1 + (i % 50)}&pageSize=20`;
    const reads = {
      distribution: await timed(() => '/api/hq/insight/segments', hq),
      'segment list': await timed(segmentPage, hq),
      'segment list (store manager)': await timed(segmentPage, manager),
      'tag list': await timed((i) => `/api/hq/insight/members?tag=${['dormant', 'promo_sensitive', 'new', 'high_value'][i % 4]}&page=${1 + (i % 50)}`, hq),
      'member detail': await timed((i) => `/api/hq/insight/members/${first + ((i * 7919) % MEMBERS)}`, hq),
    };
    const dist = ok(await app.api.get('/api/hq/insight/segments', hq));

    const f = (n: number) => n.toFixed(1);
    console.log(`\nbench:insight (segments) — ${MEMBERS.toLocaleString()} members, ${ORDERS.toLocaleString()} orders, MariaDB`);
    console.log(`  generation (bulk SQL):            ${f(generation / 1000)} s`);
    console.log(`  nightly job, first night:         ${f(firstNight / 1000)} s  (backfilled ${night1.backfilled}, re-scored ${night1.rescored})`);
    console.log(`  nightly job, second night:        ${f(secondNight / 1000)} s  (re-scored ${night2.rescored})`);
    console.log(`  incremental per order (handler):  mean ${f(perOrder.reduce((a, b) => a + b, 0) / perOrder.length)} ms, p99 ${f(pct(perOrder, 99))} ms over ${perOrder.length} orders`);
    console.log(`  distribution, first read:          ${f(distributionMiss)} ms (then reused for a minute)`);
    for (const [name, r] of Object.entries(reads)) console.log(`  ${name.padEnd(32)}  p50 ${f(r.p50)} ms, p99 ${f(r.p99)} ms  (${REQUESTS} requests, ${CONCURRENCY} at a time)`);
    console.log(`  segments: ${dist.segments.map((s: { segment: string; members: number }) => `${s.segment} ${s.members}`).join(', ')}`);
    console.log(`  tags: ${dist.tags.map((t: { tag: string; members: number }) => `${t.tag} ${t.members}`).join(', ')}`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
