/**
 * npm run bench:catalogue — the shopper's hottest reads (product list, product detail, 首页)
 * through HTTP to the API in its own process(es) (api-process.ts) on the MySQL-compatible server,
 * at 50 connections with random category and product ids, with API_WORKERS=1 and one per core, each
 * with the per-process answer cache off (CATALOGUE_CACHE_MS=0: every read goes to the database)
 * and on (1000 ms: the default); and the same reads with bare mysql2 (catalogue-reads.ts) as the
 * denominator. The load generator is a separate process (load.ts). Prints requests/s, p50/p99
 * and the ratios (to bare, to 1 worker, to the cache turned off).
 * Figures, not assertions: this is not a test.
 *
 * Knobs: BENCH_SECONDS (default 10 per measurement, after 2 s of warm-up), BENCH_CONCURRENCY
 * (default 50), BENCH_PRODUCTS (default 2000, in 20 categories), BENCH_WORKERS (default `1,<cores>`:
 * the API_WORKERS values measured), BENCH_API_ROOT=<checkout> to measure another version of the API.
 */
import os from 'node:os';
import mysql from 'mysql2/promise';
import { startApiProcess } from './api-process';
import type { Ids, ReadKind } from './catalogue-reads';
import { runLoad as load, type LoadPlan, type LoadResult } from './load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2000);
const CATEGORIES = 20;
const READS: ReadKind[] = ['list', 'detail', 'home'];
const POOL = 20;

/** A catalogue shaped like a real store's: long descriptions and specs that cards must not read. */
async function seed(dbUrl: string): Promise<Ids> {
  const db = await mysql.createConnection({ uri: dbUrl });
  try {
    const now = new Date();
    const categoryIds: number[] = [];
    for (let c = 0; c < CATEGORIES; c++) {
      const [res] = await db.query<mysql.ResultSetHeader>('INSERT INTO category (name, icon, sort, created_at, updated_at) VALUES (?, NULL, ?, ?, ?)', [`压测分类${c}`, c, now, now]);
      categoryIds.push(res.insertId);
    }
    const description = '精选面料，舒适透气。'.repeat(200);
    const specs = JSON.stringify([{ name: '颜色', values: ['白色', '黑色', '蓝色'] }]);
    const productIds: number[] = [];
    for (let start = 0; start < PRODUCTS; start += 500) {
      const rows = Array.from({ length: Math.min(500, PRODUCTS - start) }, (_, k) => {
        const i = start + k;
        const created = new Date(now.getTime() - i * 60_000);
        const images = JSON.stringify(Array.from({ length: 5 }, (_, n) => `/assets/products/p${i}-${n}.jpg`));
        return [categoryIds[i % CATEGORIES], `压测商品${i}`, '副标题', images, description, JSON.stringify(['新品']), specs, 'on_sale', 1000 + ((i * 7919) % 50000), null, (i * 31) % 1000, created, created];
      });
      const [res] = await db.query<mysql.ResultSetHeader>(
        'INSERT INTO product (category_id, title, subtitle, images, description, tags, specs, status, min_price_fen, min_original_price_fen, sales_count, created_at, updated_at) VALUES ?',
        [rows],
      );
      for (let k = 0; k < rows.length; k++) productIds.push(res.insertId + k);
    }
    for (let start = 0; start < productIds.length; start += 500) {
      const skus = productIds.slice(start, start + 500).flatMap((id) =>
        ['白色', '黑色', '蓝色'].map((color) => [id, `颜色:${color}`, JSON.stringify({ 颜色: color }), 5900, null, 100, 'on_sale', now, now]),
      );
      await db.query('INSERT INTO sku (product_id, spec_key, specs, price_fen, original_price_fen, stock, status, created_at, updated_at) VALUES ?', [skus]);
    }
    const banners = Array.from({ length: 5 }, (_, b) => [`轮播${b}`, `/assets/banners/b${b}.svg`, productIds[b], b, 1, now]);
    await db.query('INSERT INTO banner (title, image, product_id, sort, active, created_at) VALUES ?', [banners]);
    await db.query('ANALYZE TABLE product, sku, category, banner');
    return { categoryIds, productIds };
  } finally {
    await db.end();
  }
}

const rps = (r: LoadResult) => r.done / (r.ms / 1000);

function line(read: string, label: string, r: LoadResult, ratio: string): void {
  console.log(
    `${read.padEnd(7)}${label.padEnd(34)}${rps(r).toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms` +
      `${r.errors ? `  ${r.errors} errors` : ''}  ${ratio}`,
  );
}

/**
 * Each API setup measured: cache off (CATALOGUE_CACHE_MS=0, the "before") and on, with 1 worker
 * and one per core (what `auto` chose before it left a core to a database on this machine).
 */
const WORKERS = [...new Set((process.env.BENCH_WORKERS ?? `1,${os.availableParallelism()}`).split(','))];
const SETUPS = WORKERS.flatMap((workers) => ['0', '1000'].map((cacheMs) => ({ workers, cacheMs })));

async function main(): Promise<void> {
  const cores = os.availableParallelism();
  console.log(`\nbench:catalogue — ${PRODUCTS} products in ${CATEGORIES} categories, ${CONCURRENCY} connections, ${SECONDS} s each, ${cores} cores, MySQL-compatible server\n`);
  const plan = (target: LoadPlan['target'], read: ReadKind, ids: Ids): LoadPlan => ({ target, read, ids, concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: 2 });
  const bare = new Map<ReadKind, LoadResult>();
  /** Results by setup, for the ratios to 1 worker and to the cache turned off. */
  const results = new Map<string, LoadResult>();

  for (const { workers, cacheMs } of SETUPS) {
    const server = await startApiProcess({ API_WORKERS: workers, DB_POOL_SIZE: String(POOL), CATALOGUE_CACHE_MS: cacheMs });
    try {
      const ids = await seed(server.dbUrl);
      for (const read of READS) {
        if (!bare.has(read)) {
          const b = await load(plan({ kind: 'mysql', dbUrl: server.dbUrl, poolSize: POOL }, read, ids));
          bare.set(read, b);
          line(read, 'bare mysql2', b, '');
        }
        const r = await load(plan({ kind: 'http', baseUrl: server.url }, read, ids));
        results.set(`${read} ${workers} ${cacheMs}`, r);
        const ratios = [`${(rps(r) / rps(bare.get(read)!)).toFixed(2)} of bare`];
        const single = results.get(`${read} 1 ${cacheMs}`);
        if (workers !== '1' && single) ratios.push(`${(rps(r) / rps(single)).toFixed(2)}× 1 worker`);
        const off = results.get(`${read} ${workers} 0`);
        if (cacheMs !== '0' && off) ratios.push(`${(rps(r) / rps(off)).toFixed(2)}× cache off`);
        const label = `HTTP, ${workers === '1' ? '1 worker' : `${workers} workers`}, ${cacheMs === '0' ? 'cache off' : `${cacheMs} ms`}`;
        line(read, label, r, ratios.join(', '));
      }
    } finally {
      await server.stop();
    }
  }
  console.log('');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
