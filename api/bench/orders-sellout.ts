/**
 * BENCH_MODE=sellout npm run bench:orders — a normal product selling out under a burst: 5,000
 * orders from 500 shoppers over 250 connections for 100 units. Prints requests/s, p50/p99, the
 * losers' rate (sold-out answers per second) and oversold (must be 0); then a bare `node:http`
 * server in its own process answers the same request with the same JSON, over the same number of
 * connections, as the denominator of the losers' ratio. Figures, not assertions.
 *
 * Knobs: SELLOUT_REQUESTS (5000), SELLOUT_SHOPPERS (500), SELLOUT_CONCURRENCY (250), SELLOUT_STOCK (100);
 * ACCEPT_LANES=0 measures the API taking new connections one per event-loop turn (no lanes).
 * SELLOUT_WARM=1 opens every connection before the burst (for the API and the bare server alike),
 * as a load balancer's pool of kept-alive connections would be: the burst then measures the
 * requests, not 250 new connections being taken by the server at once.
 */
import { spawn } from 'node:child_process';
import mysql from 'mysql2/promise';
import { startApiProcess } from './api-process';
import { burst, burstClient, pct, setupSku, shoppers as loginShoppers, soldOf, stockOf, type Run } from './orders-kit';

const REQUESTS = Number(process.env.SELLOUT_REQUESTS ?? 5000);
const SHOPPERS = Number(process.env.SELLOUT_SHOPPERS ?? 500);
const CONCURRENCY = Number(process.env.SELLOUT_CONCURRENCY ?? 250);
const STOCK = Number(process.env.SELLOUT_STOCK ?? 100);
const WARM = process.env.SELLOUT_WARM === '1';
/** The warm-up: 60 orders over 20 connections, or with SELLOUT_WARM one request per connection and more. */
const warmUp = WARM ? { total: CONCURRENCY * 2, concurrency: CONCURRENCY } : { total: 60, concurrency: 20 };

/** A server that answers every request with `status` and `json`, in its own process (not sharing the load generator's loop). */
async function bareServer(status: number, json: string): Promise<{ url: string; stop(): void }> {
  const script = `const http=require('node:http');const body=Buffer.from(process.env.BODY);
const s=http.createServer((req,res)=>{req.resume();req.on('end',()=>{res.writeHead(${status},{'content-type':'application/json; charset=utf-8','content-length':body.length});res.end(body);});});
s.keepAliveTimeout=60000;s.listen(0,'127.0.0.1',()=>console.log('port '+s.address().port));`;
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, BODY: json }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      const m = /port (\d+)/.exec(c.toString());
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`bare server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

function line(run: Run): { perSec: number; losersPerSec: number } {
  const perSec = (run.ok + run.refused + run.errors) / (run.ms / 1000);
  const losersPerSec = run.refused / (run.ms / 1000);
  console.log(
    `${run.label.padEnd(26)} ${String(run.ok).padStart(5)} ok ${String(run.refused).padStart(5)} sold-out ${String(run.errors).padStart(3)} errors  ` +
      `${perSec.toFixed(0).padStart(6)} requests/s  ${losersPerSec.toFixed(0).padStart(6)} sold-out/s  p50 ${pct(run.latencies, 50).toFixed(1)} ms  p99 ${pct(run.latencies, 99).toFixed(1)} ms`,
  );
  return { perSec, losersPerSec };
}

export async function sellout(): Promise<void> {
  const server = await startApiProcess({ DB_POOL_SIZE: '20' });
  const { api } = server;
  const pool = mysql.createPool({ uri: server.dbUrl, connectionLimit: 4 });
  try {
    const hq: string = (await api.post('/api/hq/auth/login', { username: 'admin', password: server.hqPassword })).body.data.token;
    const shoppers = await loginShoppers(api, SHOPPERS);
    console.log(
      `\nbench:orders sellout — ${REQUESTS} orders, ${SHOPPERS} shoppers, ${CONCURRENCY} connections${WARM ? ' opened beforehand' : ''}, ${STOCK} units, ` +
        `ACCEPT_LANES=${process.env.ACCEPT_LANES ?? '(default)'}, MySQL-compatible server\n`,
    );
    const client = burstClient(server.url, CONCURRENCY);
    const order = (skuId: number, i: number) => {
      const s = shoppers[i % shoppers.length];
      return client.post('/api/orders', { lines: [{ skuId, quantity: 1 }], addressId: s.addressId }, s.token);
    };
    const warmSku = await setupSku(api, hq, 20);
    await burst('warm-up', warmUp.total, warmUp.concurrency, async (i) => ((await order(warmSku, i)).status === 201 ? 'ok' : 'refused'));

    const skuId = await setupSku(api, hq, STOCK);
    let loserBody = '';
    const run = await burst('HTTP POST /api/orders', REQUESTS, CONCURRENCY, async (i) => {
      const res = await order(skuId, i);
      if (res.status === 409 && res.body.code === 'OUT_OF_STOCK') {
        loserBody ||= JSON.stringify(res.body);
        return 'refused';
      }
      return res.status === 201 ? 'ok' : 'error';
    });
    const api1 = line(run);
    // Where the slow answers are: the first wave (one request per connection) against the rest, winners against losers.
    const part = (label: string, xs: { ms: number }[]) => {
      const ms = xs.map((x) => x.ms).sort((a, b) => a - b);
      console.log(`  ${label.padEnd(24)} ${String(ms.length).padStart(5)}  p50 ${pct(ms, 50).toFixed(1)} ms  p99 ${pct(ms, 99).toFixed(1)} ms  max ${ms[ms.length - 1].toFixed(1)} ms`);
    };
    part('first wave', run.sent.slice(0, CONCURRENCY));
    part('after the first wave', run.sent.slice(CONCURRENCY));
    part('winners', run.sent.filter((x) => x.outcome === 'ok'));
    part('sold-out answers', run.sent.filter((x) => x.outcome === 'refused'));
    const left = await stockOf(pool, skuId);
    const sold = await soldOf(pool, skuId);
    console.log(`  stock ${STOCK} → ${left}; sold ${sold}; oversold ${Math.max(0, sold - STOCK)}; stock + sold = ${left + sold} (must be ${STOCK})`);

    // The denominator: the same request, the same answer, nothing behind it.
    const bare = await bareServer(409, loserBody || '{"code":"OUT_OF_STOCK"}');
    try {
      const bareClient = burstClient(bare.url, CONCURRENCY);
      const s = shoppers[0];
      if (WARM) await burst('warm-up', warmUp.total, warmUp.concurrency, async () => ((await bareClient.post('/api/orders', {}, s.token)).status === 409 ? 'refused' : 'error'));
      const b = await burst('bare node:http, same JSON', REQUESTS, CONCURRENCY, async () => {
        const res = await bareClient.post('/api/orders', { lines: [{ skuId, quantity: 1 }], addressId: s.addressId }, s.token);
        return res.status === 409 ? 'refused' : 'error';
      });
      const bare1 = line(b);
      const firstWave = b.sent.slice(0, CONCURRENCY).map((x) => x.ms).sort((x, y) => x - y);
      console.log(`  first wave                 ${String(firstWave.length).padStart(3)}  p50 ${pct(firstWave, 50).toFixed(1)} ms  p99 ${pct(firstWave, 99).toFixed(1)} ms`);
      console.log(`\nsold-out answers/s, API ÷ bare node:http: ${(api1.losersPerSec / bare1.losersPerSec).toFixed(2)}; API p99 ${(pct(run.latencies, 99) / 1000).toFixed(2)} s\n`);
      bareClient.close();
    } finally {
      client.close();
      bare.stop();
    }
  } finally {
    await pool.end();
    await server.stop();
  }
}
