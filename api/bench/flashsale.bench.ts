/**
 * npm run bench:flashsale — the opening second of a group-buy campaign: BENCH_SHOPPERS (default
 * 2,000) logged-in shoppers fire POST /api/groupbuy/join at a BENCH_STOCK-unit campaign (default
 * 100) at once, BENCH_CONCURRENCY (default 250) in flight, through HTTP to the API in its own
 * process on the MySQL-compatible server. Then a second wave after the sell-out, while a counter
 * preloaded into the API process (sql-counter.cjs) counts the SQL statements it causes. Last,
 * the same join transaction in bare mysql2 on the same database, as the ratio's denominator.
 * Prints figures; asserts nothing (not a test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { createCategory, createProduct } from '../test/fixtures';
import type { ApiClient, TestApp } from '../test/harness';
import { formatShanghai } from '../src/modules/groupbuy/groupbuy.time';
import { startApiProcess } from './api-process';

const STOCK = Number(process.env.BENCH_STOCK ?? 100);
const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 250);
const POOL = Number(process.env.BENCH_POOL ?? 20);

interface Shot {
  status: number;
  code?: string;
  start: number;
  end: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Runs `total` calls with at most `concurrency` in flight. */
async function wave(total: number, concurrency: number, one: (i: number) => Promise<{ status: number; code?: string }>): Promise<{ shots: Shot[]; ms: number }> {
  const shots: Shot[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        const i = next++;
        const start = performance.now();
        const r = await one(i).catch(() => ({ status: 0, code: 'NETWORK' }));
        shots.push({ ...r, start, end: performance.now() });
      }
    }),
  );
  return { shots, ms: performance.now() - t0 };
}

function summary(label: string, shots: Shot[], ms: number): void {
  const lat = shots.map((s) => s.end - s.start);
  const by = new Map<string, number>();
  for (const s of shots) by.set(`${s.status}${s.code ? ` ${s.code}` : ''}`, (by.get(`${s.status}${s.code ? ` ${s.code}` : ''}`) ?? 0) + 1);
  console.log(`${label.padEnd(30)} ${shots.length} requests in ${(ms / 1000).toFixed(2)} s = ${(shots.length / (ms / 1000)).toFixed(0)} req/s; p50 ${pct(lat, 50).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms`);
  console.log(`${''.padEnd(30)} ${[...by].map(([k, n]) => `${k}: ${n}`).join(', ')}`);
}

async function makeShoppers(api: ApiClient, n: number) {
  const out: { token: string; memberId: number; addressId: number }[] = [];
  await wave(n, 50, async () => {
    const code = await api.post('/api/auth/dev-code', {});
    const res = await api.post('/api/auth/wechat-login', { code: code.body.data.code });
    const token: string = res.body.data.token;
    const address = await api.post('/api/addresses', { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '徐汇区', detail: '漕溪北路 1 号', isDefault: true }, token);
    out.push({ token, memberId: res.body.data.member.id, addressId: address.body.data.id });
    return { status: address.status };
  });
  return out;
}

async function campaign(api: ApiClient, hq: string, title: string): Promise<{ id: number; skuId: number }> {
  const app = { api } as TestApp;
  const categoryId = await createCategory(app, hq, `${title}${Date.now()}`);
  const p = await createProduct(app, hq, { categoryId, title, skus: [{ specs: {}, priceFen: 9900, stock: STOCK + 50 }] });
  const now = Date.now();
  const body = { title, skuId: p.skus[0].id, groupPriceFen: 6900, groupSize: 3, stock: STOCK, startAt: formatShanghai(new Date(now - 60_000)), endAt: formatShanghai(new Date(now + 86_400_000)), groupHours: 24, perShopperLimit: 1 };
  const c = await api.post('/api/hq/groupbuy/campaigns', body, hq);
  await api.post(`/api/hq/groupbuy/campaigns/${c.body.data.id}/schedule`, {}, hq);
  return { id: c.body.data.id, skuId: p.skus[0].id };
}

/**
 * Waits until the outbox has delivered what came before (the shoppers' first logins each start a
 * 新人礼 and a referral delivery, handed over right after commit), so a measured phase counts only
 * its own statements, not the tail of the set-up's background work. Pending deliveries that stop
 * moving for a second are nobody's work (an API measured with BENCH_API_ROOT from before the
 * after-commit hand-over leaves them to the job, which the bench does not run).
 */
async function outboxIdle(pool: mysql.Pool): Promise<void> {
  let last = -1;
  let still = 0;
  for (const until = Date.now() + 120_000; Date.now() < until; ) {
    const [rows] = await pool.query<mysql.RowDataPacket[]>("SELECT COUNT(*) AS n FROM outbox_delivery WHERE status = 'pending'");
    const n = Number(rows[0].n);
    still = n === last ? still + 1 : 0;
    if (n === 0 || still >= 5) return;
    last = n;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the outbox did not go idle within 120 s');
}

const readCount = async (file: string) => {
  await new Promise((r) => setTimeout(r, 200)); // the counter flushes every 50 ms
  return Number(fs.readFileSync(file, 'utf8') || 0);
};

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
    const burst = await wave(shoppers.length, CONCURRENCY, join(hot.id));
    summary('opening burst (all requests)', burst.shots, burst.ms);
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
