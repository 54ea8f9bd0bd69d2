/**
 * npm run bench:orders — a burst of concurrent shoppers ordering one SKU with limited stock,
 * through HTTP to the API in its own process (api-process.ts), on the MySQL-compatible server
 * (TEST_DATABASE_URL). Prints orders/s, p50/p99
 * latency and the oversold count (must be 0), then runs the same transaction (conditional
 * stock update + order + line) with bare mysql2 against the same database as the denominator
 * of a ratio. Figures, not assertions: this is not a test.
 *
 * Knobs: BENCH_STOCK (default 300), BENCH_REQUESTS (default 600), BENCH_CONCURRENCY (default 50),
 * BENCH_SHOPPERS (default 50); BENCH_CPU_PROF=<dir> writes a CPU profile of the API process.
 */
import mysql from 'mysql2/promise';
import { createCategory, createProduct } from '../test/fixtures';
import type { ApiClient, TestApp } from '../test/harness';
import { startApiProcess } from './api-process';

const STOCK = Number(process.env.BENCH_STOCK ?? 300);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 50);

interface Run {
  label: string;
  ok: number;
  refused: number;
  errors: number;
  ms: number;
  latencies: number[];
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `total` calls of `one(i)` with at most `concurrency` in flight; classifies each result. */
async function burst(label: string, total: number, concurrency: number, one: (i: number) => Promise<'ok' | 'refused' | 'error'>): Promise<Run> {
  const run: Run = { label, ok: 0, refused: 0, errors: 0, ms: 0, latencies: [] };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const outcome = await one(i).catch(() => 'error' as const);
        run.latencies.push(performance.now() - t0);
        if (outcome === 'ok') run.ok++;
        else if (outcome === 'refused') run.refused++;
        else run.errors++;
      }
    }),
  );
  run.ms = performance.now() - started;
  run.latencies.sort((a, b) => a - b);
  return run;
}

function print(run: Run): number {
  const perSec = run.ok / (run.ms / 1000);
  console.log(
    `${run.label.padEnd(22)} ${String(run.ok).padStart(5)} ok ${String(run.refused).padStart(5)} sold-out ${String(run.errors).padStart(3)} errors  ` +
      `${perSec.toFixed(0).padStart(6)} orders/s  p50 ${pct(run.latencies, 50).toFixed(1)} ms  p99 ${pct(run.latencies, 99).toFixed(1)} ms`,
  );
  return perSec;
}

async function setupSku(api: ApiClient, hq: string): Promise<number> {
  // The fixtures only use the HTTP client of a test app.
  const app = { api } as TestApp;
  const categoryId = await createCategory(app, hq, `压测${Date.now()}`);
  const product = await createProduct(app, hq, { categoryId, title: '压测爆款', skus: [{ specs: {}, priceFen: 1990, stock: STOCK }] });
  return product.skus[0].id;
}

async function stockOf(conn: mysql.Pool, skuId: number): Promise<number> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT stock FROM sku WHERE id = ?', [skuId]);
  return Number(rows[0].stock);
}

async function soldOf(conn: mysql.Pool, skuId: number): Promise<number> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT COALESCE(SUM(quantity), 0) AS q FROM order_line WHERE sku_id = ?', [skuId]);
  return Number(rows[0].q);
}

async function login(api: ApiClient): Promise<string> {
  // The development login of the H5 build: the API's fake WeChat mints the code wx.login would give.
  const code = await api.post('/api/auth/dev-code', {});
  const res = await api.post('/api/auth/wechat-login', { code: code.body.data.code });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token;
}

async function main(): Promise<void> {
  const server = await startApiProcess({ DB_POOL_SIZE: '20' });
  const { api } = server;
  const pool = mysql.createPool({ uri: server.dbUrl, connectionLimit: 20 });
  try {
    const hqLogin = await api.post('/api/hq/auth/login', { username: 'admin', password: server.hqPassword });
    const hq: string = hqLogin.body.data.token;
    const shoppers = await Promise.all(
      Array.from({ length: SHOPPERS }, async () => {
        const token = await login(api);
        const me = await api.get('/api/me', token);
        const address = await api.post(
          '/api/addresses',
          { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '徐汇区', detail: '漕溪北路 1 号', isDefault: true },
          token,
        );
        if (address.status !== 201) throw new Error(`address: ${address.status} ${JSON.stringify(address.body)}`);
        return { token, memberId: me.body.data.id as number, addressId: address.body.data.id as number };
      }),
    );
    console.log(`\nbench:orders — stock ${STOCK}, ${REQUESTS} requests, ${CONCURRENCY} in flight, ${SHOPPERS} shoppers, MySQL-compatible server\n`);

    // Warm up connections and code paths on a separate SKU.
    const warmSku = await setupSku(api, hq);
    await burst('warm-up', 40, 10, async (i) => {
      const s = shoppers[i % shoppers.length];
      const res = await api.post('/api/orders', { lines: [{ skuId: warmSku, quantity: 1 }], addressId: s.addressId }, s.token);
      return res.status === 201 ? 'ok' : res.status === 409 ? 'refused' : 'error';
    });

    // 1. Through HTTP: auth, validation, pricing, the transaction, JSON.
    const skuId = await setupSku(api, hq);
    const http = await burst('HTTP POST /api/orders', REQUESTS, CONCURRENCY, async (i) => {
      const s = shoppers[i % shoppers.length];
      const res = await api.post('/api/orders', { lines: [{ skuId, quantity: 1 }], addressId: s.addressId }, s.token);
      return res.status === 201 ? 'ok' : res.status === 409 ? 'refused' : 'error';
    });
    const httpRate = print(http);
    const left = await stockOf(pool, skuId);
    const sold = await soldOf(pool, skuId);
    console.log(`  stock ${STOCK} → ${left}; sold ${sold}; oversold ${Math.max(0, sold - STOCK)}; stock + sold = ${left + sold} (must be ${STOCK})`);

    // 2. Baseline: the same transaction with bare mysql2 on the same database.
    const bareSku = await setupSku(api, hq);
    const bare = await burst('bare mysql2 tx', REQUESTS, CONCURRENCY, async (i) => {
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
          `INSERT INTO shop_order (member_id, status, goods_fen, discount_fen, freight_fen, payable_fen, refunded_fen, item_count, adjustments, address, remark, pay_deadline, created_at, updated_at)
           VALUES (?, 'pending_payment', 1990, 0, 800, 2790, 0, 1, '[]', '{}', '', ?, ?, ?)`,
          [s.memberId, new Date(now.getTime() + 15 * 60_000), now, now],
        );
        await conn.query('UPDATE shop_order SET order_no = ? WHERE id = ?', [`B${ins.insertId}`, ins.insertId]);
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
    const bareRate = print(bare);
    console.log(`  stock ${STOCK} → ${await stockOf(pool, bareSku)}; sold ${await soldOf(pool, bareSku)}`);
    console.log(`\nratio HTTP / bare mysql2: ${(httpRate / bareRate).toFixed(2)} (orders/s); p50 ${(pct(http.latencies, 50) / pct(bare.latencies, 50)).toFixed(1)}× the bare latency\n`);
  } finally {
    await pool.end();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
