/**
 * npm run bench:hq — the HQ console's reads at a chain's scale: 1,000,000 orders and 200,000
 * members (hq-data.ts, generated once into a database of its own and reused), the API in its own
 * process (api-process.ts) and the load generator in another (load.ts). For each read: the index
 * MariaDB's EXPLAIN picks for the page query and for its count, then req/s and p50/p99.
 * Figures, not assertions: this is not a test.
 *
 * Knobs: BENCH_HQ_DB (default loopmall_bench_hq, on TEST_DATABASE_URL's server),
 * BENCH_SECONDS (default 5 per read), BENCH_CONCURRENCY (default 4), BENCH_ONLY=<label prefix>.
 */
import os from 'node:os';
import mysql from 'mysql2/promise';
import { COUNT_CAP } from '../src/db/counted-page';
import { startApiProcess } from './api-process';
import { ensureHqData, NICKS, orderNoOf, phoneOf, SIZE } from './hq-data';
import { runLoad, type LoadResult } from './load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const DB_NAME = process.env.BENCH_HQ_DB ?? 'loopmall_bench_hq';
const SERVER = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306/test';
const VARIANTS = 50;

const rand = (n: number) => 1 + Math.floor(Math.random() * n);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
/** A Beijing day `daysAgo` days before today, YYYY-MM-DD. */
const beijingDay = (daysAgo: number) => new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

interface Read {
  label: string;
  /** Request paths, one taken at random per request. */
  paths: () => string[];
  /** The statements the API runs for it (page, count), with one sample's parameters, for EXPLAIN. */
  sql: [string, unknown[]][];
}

/** A count as cappedCount (api/src/db/counted-page.ts) sends it. */
const capped = (from: string, where: string) => `SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM ${from} ${where} LIMIT ${COUNT_CAP}) capped`;
/** The order list's two statements for a WHERE clause: the page's ids (then those rows by id) and the capped count. */
const orderSql = (where: string, params: unknown[], offset = 0): [string, unknown[]][] => [
  [`SELECT o.id FROM shop_order o ${where} ORDER BY o.created_at DESC, o.id DESC LIMIT 21${offset ? ` OFFSET ${offset}` : ''}`, params],
  [capped('shop_order o', where), params],
];
const month = (): [Date, Date] => [dayStart(beijingDay(29)), new Date(dayStart(beijingDay(0)).getTime() + 86_400_000)];
const variants = (f: () => string) => () => Array.from({ length: VARIANTS }, f);
const guidesOfStore = (store: number) => Array.from({ length: SIZE.guidesPerStore }, (_, i) => store + i * SIZE.stores);

const READS: Read[] = [
  { label: '订单 未筛选 第1页', paths: () => ['/api/hq/orders?page=1&pageSize=20'], sql: orderSql('', []) },
  {
    label: '订单 按状态',
    paths: variants(() => `/api/hq/orders?status=${pick(['paid', 'shipped', 'cancelled'])}`),
    sql: orderSql('WHERE o.status IN (?)', ['paid']),
  },
  {
    label: '订单 近7天',
    paths: () => [`/api/hq/orders?from=${beijingDay(6)}&to=${beijingDay(0)}`],
    sql: orderSql('WHERE o.created_at >= ? AND o.created_at < ?', [dayStart(beijingDay(6)), new Date(dayStart(beijingDay(0)).getTime() + 86_400_000)]),
  },
  {
    label: '订单 按门店',
    paths: variants(() => `/api/hq/orders?storeId=${rand(SIZE.stores)}`),
    sql: orderSql(`WHERE o.guide_id IN (${guidesOfStore(7).join(', ')})`, []),
  },
  { label: '订单 按导购', paths: variants(() => `/api/hq/orders?guideId=${rand(SIZE.stores * SIZE.guidesPerStore)}`), sql: orderSql('WHERE o.guide_id IN (?)', [77]) },
  { label: '订单 门店+状态', paths: variants(() => `/api/hq/orders?storeId=${rand(SIZE.stores)}&status=paid`), sql: orderSql(`WHERE o.status IN (?) AND o.guide_id IN (${guidesOfStore(7).join(', ')})`, ['paid']) },
  { label: '订单 订单号', paths: variants(() => `/api/hq/orders?orderNo=${orderNoOf(rand(SIZE.orders))}`), sql: orderSql('WHERE o.order_no = ?', [orderNoOf(123_456)]) },
  { label: '订单 手机号', paths: variants(() => `/api/hq/orders?phone=${phoneOf(rand(SIZE.members))}`), sql: orderSql('WHERE o.receiver_phone = ?', [phoneOf(4242)]) },
  { label: '订单 深页(第2000页)', paths: () => ['/api/hq/orders?page=2000&pageSize=20'], sql: orderSql('', [], 39_980) },
  {
    label: '会员 未筛选',
    paths: () => ['/api/hq/members?page=1&pageSize=20'],
    sql: [
      ['SELECT m.* FROM member m ORDER BY m.id DESC LIMIT 21', []],
      [capped('member m', ''), []],
    ],
  },
  {
    label: '会员 昵称开头',
    paths: variants(() => `/api/hq/members?q=${encodeURIComponent(pick(NICKS) + (Math.random() < 0.5 ? '' : String(rand(9))))}`),
    sql: [
      ["SELECT m.* FROM member m WHERE m.nickname LIKE ? ESCAPE '!' ORDER BY m.id DESC LIMIT 21", [`${NICKS[0]}%`]],
      [capped('member m', "WHERE m.nickname LIKE ? ESCAPE '!'"), [`${NICKS[0]}%`]],
    ],
  },
  {
    label: '会员 手机号',
    paths: variants(() => `/api/hq/members?q=${phoneOf(rand(SIZE.members))}`),
    sql: [
      ['SELECT a.member_id FROM address a WHERE a.phone = ? LIMIT 50', [phoneOf(4242)]],
      ["SELECT m.* FROM member m WHERE m.nickname LIKE ? ESCAPE '!' OR m.id IN (?) ORDER BY m.id DESC LIMIT 21", [`${phoneOf(4242)}%`, 4242]],
      [capped('member m', "WHERE m.nickname LIKE ? ESCAPE '!' OR m.id IN (?)"), [`${phoneOf(4242)}%`, 4242]],
    ],
  },
  {
    label: '概览',
    paths: () => ['/api/hq/overview'],
    sql: [
      [
        "SELECT DATE_FORMAT(o.paid_at + INTERVAL 8 HOUR, '%Y-%m-%d') AS day, o.guide_id, COUNT(*), SUM(o.payable_fen - o.refunded_fen) FROM shop_order o WHERE o.paid_at >= ? AND o.paid_at < ? GROUP BY day, o.guide_id",
        month(),
      ],
      [
        'SELECT l.product_id, MAX(l.title), SUM(l.quantity), SUM(l.payable_fen) AS p FROM order_line l INNER JOIN shop_order o ON o.id = l.order_id WHERE o.paid_at >= ? AND o.paid_at < ? GROUP BY l.product_id ORDER BY p DESC LIMIT 10',
        month(),
      ],
    ],
  },
];

/** The index EXPLAIN names for each table of a statement (`-` for none), with its row estimate and whether it reads the index alone. */
async function explain(db: mysql.Connection, sql: string, params: unknown[]): Promise<string> {
  const [rows] = await db.query(`EXPLAIN ${sql}`, params);
  return (rows as { table: string; key: string | null; rows: number; Extra: string | null }[])
    .map((r) => `${r.key ?? '-'} (~${r.rows} rows${/Using index(;|$)/.test(r.Extra ?? '') ? ', index only' : ''}${/filesort/.test(r.Extra ?? '') ? ', filesort' : ''})`)
    .join(' + ');
}

function line(label: string, r: LoadResult): void {
  const rps = r.done / (r.ms / 1000);
  const slow = r.p99 > 200 ? '  ← p99 > 200 ms' : '';
  console.log(`${label.padEnd(18)}${rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms${r.errors ? `  ${r.errors} errors` : ''}${slow}`);
}

async function main(): Promise<void> {
  const admin = await mysql.createConnection(SERVER);
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${DB_NAME}`;
  // The API's boot runs the migrations, so the schema is there before the data goes in.
  const server = await startApiProcess({}, { database: url.toString() });
  const db = await mysql.createConnection(url.toString());
  try {
    await ensureHqData(db);
    const login = await server.api.post('/api/hq/auth/login', { username: 'admin', password: server.hqPassword });
    const headers = { authorization: `Bearer ${login.body.data.token}` };
    console.log(
      `\nbench:hq — ${SIZE.orders.toLocaleString()} orders, ${SIZE.members.toLocaleString()} members, ${SIZE.stores} stores, ` +
        `${CONCURRENCY} connections, ${SECONDS} s per read, ${os.availableParallelism()} cores, MariaDB\n`,
    );
    for (const read of READS.filter((r) => !process.env.BENCH_ONLY || r.label.startsWith(process.env.BENCH_ONLY))) {
      const keys = await Promise.all(read.sql.map(([sql, params]) => explain(db, sql, params)));
      const r = await runLoad({ target: { kind: 'http', baseUrl: server.url, paths: read.paths(), headers }, concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: 1 });
      line(read.label, r);
      console.log(`${''.padEnd(18)}EXPLAIN: ${keys.join(' | ')}`);
    }
    console.log('');
  } finally {
    await db.end();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
