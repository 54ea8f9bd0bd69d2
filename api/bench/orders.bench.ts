/**
 * npm run bench:orders — a burst of concurrent shoppers ordering one SKU with limited stock,
 * through HTTP to the API in its own process (api-process.ts), on the MySQL-compatible server
 * (TEST_DATABASE_URL). Prints orders/s, p50/p99
 * latency and the oversold count (must be 0), then runs the same transaction (conditional
 * stock update + order + line) with bare mysql2 against the same database as the denominator
 * of a ratio (twice: the order number set by an UPDATE after the insert, as the baseline
 * did, and carried by the insert, as the API does now). Figures, not assertions: this is not a test.
 *
 * Knobs: BENCH_STOCK (default 300), BENCH_REQUESTS (default 600), BENCH_CONCURRENCY (default 50),
 * BENCH_SHOPPERS (default 50); BENCH_CPU_PROF=<dir> writes a CPU profile of the API process.
 * BENCH_MODE=sellout runs the sell-out burst instead (orders-sellout.ts). On Linux each run also
 * prints its CPU per request in the API, the database server and the bench (cpu-share.ts).
 */
import mysql from 'mysql2/promise';
import { startApiProcess } from './api-process';
import { cpuLine, cpuMeter, settle } from './cpu-share';
import { burst, burstClient, pct, print, setupSku, shoppers as loginShoppers, soldOf, stockOf } from './orders-kit';
import { sellout } from './orders-sellout';

const STOCK = Number(process.env.BENCH_STOCK ?? 300);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 50);

async function main(): Promise<void> {
  const server = await startApiProcess({ DB_POOL_SIZE: '20' });
  const { api } = server;
  const pool = mysql.createPool({ uri: server.dbUrl, connectionLimit: 20 });
  const cpu = cpuMeter(server.pid);
  const cpuSpent = (before: ReturnType<typeof cpu.read>, run: { ok: number; refused: number; ms: number }) => {
    const line = cpuLine(before, cpu.read(), run.ok + run.refused, run.ms);
    if (line) console.log(line);
  };
  const settled = async () => {
    const after = await settle(cpu);
    if (after !== null) console.log(`  API after the last answer: ${after.toFixed(0)} ms of CPU before it was quiet`);
  };
  try {
    const hqLogin = await api.post('/api/hq/auth/login', { username: 'admin', password: server.hqPassword });
    const hq: string = hqLogin.body.data.token;
    const shoppers = await loginShoppers(api, SHOPPERS);
    const client = burstClient(server.url, CONCURRENCY);
    console.log(`\nbench:orders — stock ${STOCK}, ${REQUESTS} requests, ${CONCURRENCY} in flight, ${SHOPPERS} shoppers, MySQL-compatible server\n`);

    // Warm up connections and code paths on a separate SKU.
    const warmSku = await setupSku(api, hq, STOCK);
    await burst('warm-up', 40, 10, async (i) => {
      const s = shoppers[i % shoppers.length];
      const res = await client.post('/api/orders', { lines: [{ skuId: warmSku, quantity: 1 }], addressId: s.addressId }, s.token);
      return res.status === 201 ? 'ok' : res.status === 409 ? 'refused' : 'error';
    });

    // 1. Through HTTP: auth, validation, pricing, the transaction, JSON.
    const skuId = await setupSku(api, hq, STOCK);
    const httpCpu = cpu.read();
    const http = await burst('HTTP POST /api/orders', REQUESTS, CONCURRENCY, async (i) => {
      const s = shoppers[i % shoppers.length];
      const res = await client.post('/api/orders', { lines: [{ skuId, quantity: 1 }], addressId: s.addressId }, s.token);
      return res.status === 201 ? 'ok' : res.status === 409 ? 'refused' : 'error';
    });
    const httpRate = print(http);
    cpuSpent(httpCpu, http);
    await settled();
    const left = await stockOf(pool, skuId);
    const sold = await soldOf(pool, skuId);
    console.log(`  stock ${STOCK} → ${left}; sold ${sold}; oversold ${Math.max(0, sold - STOCK)}; stock + sold = ${left + sold} (must be ${STOCK})`);

    // 2. Baseline: the same transaction with bare mysql2 on the same database, twice: with the
    // order number set by an UPDATE after the insert (the baseline the issue was written against,
    // 6 statements) and carried by the insert itself, as the API now does (5 statements).
    const bareRun = async (label: string, numberInInsert: boolean) => {
      const bareSku = await setupSku(api, hq, STOCK);
      await settled();
      const before = cpu.read();
      const result = await burst(label, REQUESTS, CONCURRENCY, async (i) => {
        const s = shoppers[i % shoppers.length];
        const conn = await pool.getConnection();
        try {
          await conn.beginTransaction();
          // The same conditional update the API uses: the WHERE refuses to oversell.
          const [upd] = await conn.query<mysql.ResultSetHeader>('UPDATE sku SET stock = stock - 1 WHERE id = ? AND stock >= 1', [bareSku]);
          if (upd.affectedRows !== 1) {
            await conn.rollback();
            return 'refused';
          }
          const now = new Date();
          const [ins] = await conn.query<mysql.ResultSetHeader>(
            `INSERT INTO shop_order (order_no, member_id, status, goods_fen, discount_fen, freight_fen, payable_fen, refunded_fen, item_count, adjustments, address, remark, pay_deadline, created_at, updated_at)
             VALUES (?, ?, 'pending_payment', 1990, 0, 800, 2790, 0, 1, '[]', '{}', '', ?, ?, ?)`,
            [numberInInsert ? `B${bareSku}-${i}` : null, s.memberId, new Date(now.getTime() + 15 * 60_000), now, now],
          );
          if (!numberInInsert) await conn.query('UPDATE shop_order SET order_no = ? WHERE id = ?', [`B${ins.insertId}`, ins.insertId]);
          await conn.query(
            `INSERT INTO order_line (order_id, sku_id, product_id, title, spec_label, image, unit_price_fen, quantity, subtotal_fen, discount_fen, payable_fen)
             VALUES (?, ?, 0, '压测爆款', '', NULL, 1990, 1, 1990, 0, 1990)`,
            [ins.insertId, bareSku],
          );
          await conn.commit();
          return 'ok';
        } catch (err) {
          await conn.rollback().catch(() => undefined);
          throw err;
        } finally {
          conn.release();
        }
      });
      const rate = print(result);
      cpuSpent(before, result);
      console.log(`  stock ${STOCK} → ${await stockOf(pool, bareSku)}; sold ${await soldOf(pool, bareSku)}`);
      return { result, rate };
    };
    const bare = await bareRun('bare mysql2 tx, number by UPDATE', false);
    const bareInsert = await bareRun('bare mysql2 tx, number in INSERT', true);
    console.log(`\nratio HTTP / bare mysql2 (number by UPDATE): ${(httpRate / bare.rate).toFixed(2)} (orders/s); p50 ${(pct(http.latencies, 50) / pct(bare.result.latencies, 50)).toFixed(1)}× the bare latency`);
    console.log(`ratio HTTP / bare mysql2 (number in INSERT): ${(httpRate / bareInsert.rate).toFixed(2)} (orders/s)\n`);
    client.close();
  } finally {
    await pool.end();
    await server.stop();
  }
}

(process.env.BENCH_MODE === 'sellout' ? sellout() : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
