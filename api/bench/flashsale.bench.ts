/**
 * npm run bench:flashsale — the opening second of a group-buy campaign: BENCH_SHOPPERS (default
 * 2,000) logged-in shoppers fire POST /api/groupbuy/join at a BENCH_STOCK-unit campaign (default
 * 100) at once, BENCH_CONCURRENCY (default 250) in flight, through HTTP to the API in its own
 * process on the MySQL-compatible server. Then a second wave after the sell-out, while a counter
 * preloaded into the API process (sql-counter.cjs) counts the SQL statements it causes. Last,
 * the same join transaction in bare mysql2 on the same database, as the ratio's denominator.
 * Then (flashsale-redis.ts) the same with two API instances sharing Redis. BENCH_MODE picks
 * single, redis or both (default). Prints figures; asserts nothing (not a test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { startApiProcess } from './api-process';
import { campaign, CONCURRENCY, makeShoppers, outboxIdle, pct, POOL, readCount, SHOPPERS, STOCK, summary, wave } from './flashsale-support';
import { redisPairRun } from './flashsale-redis';

async function main(): Promise<void> {
  const countFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lm-bench-')), 'sql-count');
  const server = await startApiProcess({ DB_POOL_SIZE: String(POOL), SQL_COUNT_FILE: countFile, NODE_OPTIONS: `--require ${path.join(__dirname, 'sql-counter.cjs')}` });
  const { api } = server;
  const pool = mysql.createPool({ uri: server.dbUrl, connectionLimit: POOL });
  try {
    const hq: string = (await api.post('/api/hq/auth/login', { username: 'admin', password: server.hqPassword })).body.data.token;
    const shoppers = await makeShoppers(api, SHOPPERS);
    await outboxIdle(pool);
    console.log(`\nbench:flashsale — ${STOCK} units, groups of 3, ${shoppers.length} shoppers, ${CONCURRENCY} in flight, pool ${POOL}, MySQL-compatible server\n`);
    const join = (campaignId: number) => async (i: number) => {
      const s = shoppers[i % shoppers.length];
      const r = await api.post('/api/groupbuy/join', { campaignId, quantity: 1, addressId: s.addressId }, s.token);
      return { status: r.status, code: r.body.code as string | undefined };
    };

    // Warm-up on its own campaign (code paths, connections).
    const warm = await campaign(api, hq, '预热');
    await wave(200, 20, join(warm.id));

    // 1. The opening second: every shopper at once.
    const hot = await campaign(api, hq, '压测拼团');
    const skuBefore = Number((await pool.query<mysql.RowDataPacket[]>('SELECT stock FROM sku WHERE id = ?', [hot.skuId]))[0][0].stock);
    const atOpening = await readCount(countFile);
    const burst = await wave(shoppers.length, CONCURRENCY, join(hot.id));
    summary('opening burst (all requests)', burst.shots, burst.ms);
    console.log(`${''.padEnd(30)} SQL statements, whole burst: ${(await readCount(countFile)) - atOpening}`);
    const lastWin = Math.max(...burst.shots.filter((s) => s.status === 201).map((s) => s.end));
    const after = burst.shots.filter((s) => s.start > lastWin);
    const lat = after.map((s) => s.end - s.start);
    console.log(`${'  started after the sell-out'.padEnd(30)} ${after.length} requests; p50 ${pct(lat, 50).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms`);

    // 2. After the sell-out: a second wave, counting the SQL statements it causes.
    await outboxIdle(pool);
    const before = await readCount(countFile);
    const late = await wave(shoppers.length, CONCURRENCY, join(hot.id));
    const statements = (await readCount(countFile)) - before;
    summary('after sell-out (second wave)', late.shots, late.ms);
    console.log(`${''.padEnd(30)} SQL statements caused: ${statements}`);

    const [[row]] = await pool.query<mysql.RowDataPacket[]>('SELECT stock_total, stock_left, units_held, units_sold FROM gb_campaign WHERE id = ?', [hot.id]);
    const [[seats]] = await pool.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n, COALESCE(SUM(quantity), 0) AS q FROM gb_seat WHERE campaign_id = ? AND live = 1', [hot.id]);
    const skuAfter = Number((await pool.query<mysql.RowDataPacket[]>('SELECT stock FROM sku WHERE id = ?', [hot.skuId]))[0][0].stock);
    const all = [...burst.shots, ...late.shots];
    console.log(`\nseats sold ${seats.n} (units ${seats.q}); oversold ${Math.max(0, Number(seats.q) - STOCK)}; campaign held ${row.units_held} + sold ${row.units_sold} + left ${row.stock_left} = ${Number(row.units_held) + Number(row.units_sold) + Number(row.stock_left)} (of ${row.stock_total}); SKU stock ${skuBefore} → ${skuAfter}`);
    console.log(`503 answers: ${all.filter((s) => s.status === 503).length}; other 5xx: ${all.filter((s) => s.status >= 500 && s.status !== 503).length}; network errors: ${all.filter((s) => s.status === 0).length}`);
    const httpRate = burst.shots.length / (burst.ms / 1000);

    // 3. Baseline: the same join transaction (open a group of 3 with one seat) in bare mysql2.
    const bareC = await campaign(api, hq, '裸库基线');
    const bare = await wave(shoppers.length, CONCURRENCY, async (i) => {
      const s = shoppers[i % shoppers.length];
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        const now = new Date();
        const [o] = await conn.query<mysql.ResultSetHeader>(
          `INSERT INTO shop_order (member_id, status, kind, goods_fen, discount_fen, freight_fen, payable_fen, refunded_fen, item_count, adjustments, address, remark, pay_deadline, created_at, updated_at)
           VALUES (?, 'pending_payment', 'group_seat', 6900, 0, 0, 6900, 0, 1, '[]', '{}', '', ?, ?, ?)`,
          [s.memberId, new Date(now.getTime() + 15 * 60_000), now, now],
        );
        await conn.query('UPDATE shop_order SET order_no = ? WHERE id = ?', [`B${o.insertId}`, o.insertId]);
        await conn.query(
          `INSERT INTO order_line (order_id, sku_id, product_id, title, spec_label, image, unit_price_fen, quantity, subtotal_fen, discount_fen, payable_fen) VALUES (?, ?, 0, '裸库基线', '', NULL, 6900, 1, 6900, 0, 6900)`,
          [o.insertId, bareC.skuId],
        );
        const [g] = await conn.query<mysql.ResultSetHeader>(
          `INSERT INTO gb_group (campaign_id, leader_member_id, size, seats_taken, seats_paid, status, expires_at, created_at) VALUES (?, ?, 3, 1, 0, 'open', ?, ?)`,
          [bareC.id, s.memberId, new Date(now.getTime() + 86_400_000), now],
        );
        await conn.query(`INSERT INTO gb_seat (campaign_id, group_id, member_id, order_id, quantity, leader, status, live, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1, 'pending', 1, ?, ?)`, [bareC.id, g.insertId, s.memberId, o.insertId, now, now]);
        await conn.query('INSERT INTO gb_shopper (campaign_id, member_id, units) VALUES (?, ?, 1)', [bareC.id, s.memberId]);
        // The campaign unit, last, by the same conditional update.
        const [u] = await conn.query<mysql.ResultSetHeader>('UPDATE gb_campaign SET stock_left = stock_left - 1, units_held = units_held + 1 WHERE id = ? AND stock_left >= 1', [bareC.id]);
        if (u.affectedRows !== 1) {
          await conn.rollback();
          return { status: 409 };
        }
        await conn.commit();
        return { status: 201 };
      } catch (err) {
        await conn.rollback().catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    });
    summary('bare mysql2, same transaction', bare.shots, bare.ms);
    const bareRate = bare.shots.length / (bare.ms / 1000);
    console.log(`\nratio HTTP / bare mysql2 (opening burst, requests/s): ${(httpRate / bareRate).toFixed(2)}; p50 ${(pct(burst.shots.map((s) => s.end - s.start), 50) / pct(bare.shots.map((s) => s.end - s.start), 50)).toFixed(1)}× the bare latency\n`);
  } finally {
    await pool.end();
    await server.stop();
  }
}

/** BENCH_MODE: both (default), single (one instance, no Redis), redis (two instances and Redis). */
const MODE = process.env.BENCH_MODE ?? 'both';

(async () => {
  if (MODE !== 'redis') await main();
  if (MODE !== 'single') await redisPairRun();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
