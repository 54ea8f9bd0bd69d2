/**
 * bench:flashsale's second run: two API instances (one process each, one worker) on one schema
 * and one Redis, the joins spread over both. Prints the SQL statements both send during the
 * opening second and the whole burst (each instance counts its own: sql-counter.cjs), requests/s
 * and p50/p99 of the opening burst and of a wave after the sell-out, and the after-sell-out rate
 * against a bare node:http server (its own process) answering the same sold-out JSON to the same
 * requests, in the same run.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { ApiClient } from '../test/harness';
import { startApiProcess, type ApiProcess } from './api-process';
import { campaign, CONCURRENCY, makeShoppers, outboxIdle, POOL, readCount, SHOPPERS, STOCK, summary, wave } from './flashsale-support';

const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** A bare node:http server answering every request with `status` and `body` (the denominator). */
async function bareServer(status: number, body: string): Promise<{ api: ApiClient; stop(): void }> {
  const code = `const http=require('node:http');const b=Buffer.from(${JSON.stringify(body)});http.createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(${status},{'content-type':'application/json; charset=utf-8','content-length':b.length});s.end(b)})}).listen(0,'127.0.0.1',function(){console.log('port '+this.address().port)})`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(/port (\d+)/.exec(d.toString())![1]))));
  // Loaded late: the harness picks its database when it loads (api-process sets it first).
  const { ApiClient: Client } = await import('../test/harness');
  return { api: new Client(`http://127.0.0.1:${port}`), stop: () => void child.kill('SIGTERM') };
}

export async function redisPairRun(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lm-bench-redis-'));
  const files = [path.join(dir, 'sql-a'), path.join(dir, 'sql-b')];
  // One keyspace for both instances, of this run only.
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const env = (file: string) => ({
    API_WORKERS: '1',
    DB_POOL_SIZE: String(POOL),
    REDIS_URL,
    REDIS_PREFIX: prefix,
    SQL_COUNT_FILE: file,
    NODE_OPTIONS: `--require ${path.join(__dirname, 'sql-counter.cjs')}`,
  });
  const a = await startApiProcess(env(files[0]));
  let b: ApiProcess | null = null;
  const pool = mysql.createPool({ uri: a.dbUrl, connectionLimit: 4 });
  try {
    b = await startApiProcess(env(files[1]), { database: a.dbUrl });
    const apis = [a.api, b.api];
    const hq: string = (await a.api.post('/api/hq/auth/login', { username: 'admin', password: a.hqPassword })).body.data.token;
    const shoppers = await makeShoppers(a.api, SHOPPERS);
    await outboxIdle(pool);
    const statements = async () => (await Promise.all(files.map(readCount))).reduce((x, y) => x + y, 0);
    // The set-up's tail (outbox deliveries after commit) finished: no statement for a whole second.
    const quiet = async () => {
      await outboxIdle(pool);
      for (let last = -1, until = Date.now() + 60_000; Date.now() < until; ) {
        const n = await statements();
        if (n === last) return;
        last = n;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    console.log(`\nbench:flashsale, 2 instances + Redis — ${STOCK} units, ${shoppers.length} shoppers, ${CONCURRENCY} in flight, pool ${POOL} each\n`);
    const join = (campaignId: number) => async (i: number) => {
      const s = shoppers[i % shoppers.length];
      const r = await apis[i % 2].post('/api/groupbuy/join', { campaignId, quantity: 1, addressId: s.addressId }, s.token);
      return { status: r.status, code: r.body.code as string | undefined };
    };
    const warm = await campaign(a.api, hq, '预热');
    await wave(200, 20, join(warm.id));

    // One uncontended join, counted: what a seat costs the database.
    const single = await campaign(a.api, hq, '单笔');
    await quiet();
    let before = await statements();
    await join(single.id)(0);
    const perJoin = (await statements()) - before;

    // 1. The opening burst, split over both instances.
    const hot = await campaign(a.api, hq, '压测拼团');
    await quiet();
    before = await statements();
    let firstSecond = 0;
    const tick = setTimeout(() => void statements().then((n) => (firstSecond = n - before)), 1000);
    const burst = await wave(shoppers.length, CONCURRENCY, join(hot.id));
    clearTimeout(tick);
    const burstStatements = (await statements()) - before;
    if (burst.ms < 1000) firstSecond = burstStatements;
    summary('opening burst (2 instances)', burst.shots, burst.ms);
    const won = burst.shots.filter((s) => s.status === 201).length;
    console.log(`${''.padEnd(30)} SQL statements: opening second ${firstSecond}, whole burst ${burstStatements}; one uncontended join ${perJoin}`);
    console.log(`${''.padEnd(30)} seats ${won}: the burst's statements are ${(burstStatements / Math.max(1, perJoin)).toFixed(1)} joins' worth (aim ≤ units × 1.2 = ${(STOCK * 1.2).toFixed(0)}); beyond the seats' own: ${burstStatements - won * perJoin}`);

    // 2. After the sell-out: statements and rate, then the bare server on the same requests.
    await quiet();
    before = await statements();
    const late = await wave(shoppers.length, CONCURRENCY, join(hot.id));
    summary('after sell-out (2 instances)', late.shots, late.ms);
    console.log(`${''.padEnd(30)} SQL statements caused: ${(await statements()) - before}`);
    const sample = await a.api.post('/api/groupbuy/join', { campaignId: hot.id, quantity: 1, addressId: shoppers[0].addressId }, shoppers[0].token);
    const bare = await bareServer(sample.status, JSON.stringify(sample.body));
    try {
      const base = await wave(shoppers.length, CONCURRENCY, async (i) => {
        const s = shoppers[i % shoppers.length];
        const r = await bare.api.post('/api/groupbuy/join', { campaignId: hot.id, quantity: 1, addressId: s.addressId }, s.token);
        return { status: r.status, code: r.body.code as string | undefined };
      });
      summary('bare node:http, same answer', base.shots, base.ms);
      const rate = (w: { shots: unknown[]; ms: number }) => w.shots.length / (w.ms / 1000);
      console.log(`\nratio sold-out answers / bare node:http (requests/s): ${(rate(late) / rate(base)).toFixed(2)} (aim ≥ 0.5)`);
    } finally {
      bare.stop();
    }
    const [[row]] = await pool.query<mysql.RowDataPacket[]>('SELECT stock_total, stock_left, units_held, units_sold FROM gb_campaign WHERE id = ?', [hot.id]);
    const [[seats]] = await pool.query<mysql.RowDataPacket[]>('SELECT COALESCE(SUM(quantity), 0) AS q FROM gb_seat WHERE campaign_id = ? AND live = 1', [hot.id]);
    console.log(`seats' units ${seats.q}; oversold ${Math.max(0, Number(seats.q) - STOCK)}; campaign held ${row.units_held} + sold ${row.units_sold} + left ${row.stock_left} (of ${row.stock_total})\n`);
  } finally {
    await pool.end();
    await b?.stop();
    await a.stop();
  }
}

