/**
 * What both bench:orders modes share: shoppers logged in over HTTP, a SKU made by HQ, and a
 * burst runner that classifies answers and keeps every latency.
 */
import http from 'node:http';
import mysql from 'mysql2/promise';
import { createCategory, createProduct } from '../test/fixtures';
import type { ApiClient, TestApp } from '../test/harness';

export interface Run {
  label: string;
  ok: number;
  refused: number;
  errors: number;
  ms: number;
  latencies: number[];
  /** Each request's outcome and latency, in the order they were sent. */
  sent: { outcome: 'ok' | 'refused' | 'error'; ms: number }[];
}

export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `total` calls of `one(i)` with at most `concurrency` in flight; classifies each result. */
export async function burst(label: string, total: number, concurrency: number, one: (i: number) => Promise<'ok' | 'refused' | 'error'>): Promise<Run> {
  const run: Run = { label, ok: 0, refused: 0, errors: 0, ms: 0, latencies: [], sent: [] };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const outcome = await one(i).catch(() => 'error' as const);
        run.latencies.push(performance.now() - t0);
        run.sent[i] = { outcome, ms: performance.now() - t0 };
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

export function print(run: Run): number {
  const perSec = run.ok / (run.ms / 1000);
  console.log(
    `${run.label.padEnd(22)} ${String(run.ok).padStart(5)} ok ${String(run.refused).padStart(5)} sold-out ${String(run.errors).padStart(3)} errors  ` +
      `${perSec.toFixed(0).padStart(6)} orders/s  p50 ${pct(run.latencies, 50).toFixed(1)} ms  p99 ${pct(run.latencies, 99).toFixed(1)} ms`,
  );
  return perSec;
}

/**
 * The load generator's client for measured bursts: node:http through a keep-alive agent, as
 * bench:catalogue's load.ts uses. It costs the shared cores about half of what fetch does per
 * request (the bench prints its own CPU per request), so less of the machine goes to measuring.
 */
export function burstClient(baseUrl: string, sockets: number): { post(path: string, body: unknown, token?: string): Promise<{ status: number; body: any }>; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return {
    post: (path, body, token) =>
      new Promise((resolve, reject) => {
        const payload = Buffer.from(JSON.stringify(body));
        const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': payload.length };
        if (token) headers.authorization = `Bearer ${token}`;
        const req = http.request(baseUrl + path, { method: 'POST', agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: any;
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = { raw: text };
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(payload);
      }),
    close: () => agent.destroy(),
  };
}

export async function setupSku(api: ApiClient, hq: string, stock: number): Promise<number> {
  // The fixtures only use the HTTP client of a test app.
  const app = { api } as TestApp;
  const categoryId = await createCategory(app, hq, `压测${Date.now()}`);
  const product = await createProduct(app, hq, { categoryId, title: '压测爆款', skus: [{ specs: {}, priceFen: 1990, stock }] });
  return product.skus[0].id;
}

export async function stockOf(conn: mysql.Pool, skuId: number): Promise<number> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT stock FROM sku WHERE id = ?', [skuId]);
  return Number(rows[0].stock);
}

export async function soldOf(conn: mysql.Pool, skuId: number): Promise<number> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT COALESCE(SUM(quantity), 0) AS q FROM order_line WHERE sku_id = ?', [skuId]);
  return Number(rows[0].q);
}

export async function login(api: ApiClient): Promise<string> {
  // The development login of the H5 build: the API's fake WeChat mints the code wx.login would give.
  const code = await api.post('/api/auth/dev-code', {});
  const res = await api.post('/api/auth/wechat-login', { code: code.body.data.code });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token;
}

export interface BenchShopper {
  token: string;
  memberId: number;
  addressId: number;
}

/** `count` shoppers, each logged in with a default address, `parallel` at a time. */
export async function shoppers(api: ApiClient, count: number, parallel = 50): Promise<BenchShopper[]> {
  const out: BenchShopper[] = [];
  // A login that fails on a loaded machine (a timeout) is tried again, up to 3 rounds.
  for (let round = 0; round < 3 && out.length < count; round++) await burst('shoppers', count - out.length, parallel, async () => {
    const token = await login(api);
    const me = await api.get('/api/me', token);
    const address = await api.post(
      '/api/addresses',
      { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '徐汇区', detail: '漕溪北路 1 号', isDefault: true },
      token,
    );
    if (address.status !== 201) throw new Error(`address: ${address.status} ${JSON.stringify(address.body)}`);
    out.push({ token, memberId: me.body.data.id as number, addressId: address.body.data.id as number });
    return 'ok';
  });
  if (out.length !== count) throw new Error(`only ${out.length} of ${count} shoppers logged in`);
  return out;
}
