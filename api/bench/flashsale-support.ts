/** What both runs of bench:flashsale share: sizes, waves of requests, their summary, fixtures, the SQL counter. */
import fs from 'node:fs';
import mysql from 'mysql2/promise';
import { createCategory, createProduct } from '../test/fixtures';
import type { ApiClient, TestApp } from '../test/harness';
import { formatShanghai } from '../src/modules/groupbuy/groupbuy.time';

export const STOCK = Number(process.env.BENCH_STOCK ?? 100);
export const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 2000);
export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 250);
export const POOL = Number(process.env.BENCH_POOL ?? 20);

export interface Shot {
  status: number;
  code?: string;
  start: number;
  end: number;
}

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Runs `total` calls with at most `concurrency` in flight. */
export async function wave(total: number, concurrency: number, one: (i: number) => Promise<{ status: number; code?: string }>): Promise<{ shots: Shot[]; ms: number }> {
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

export function summary(label: string, shots: Shot[], ms: number): void {
  const lat = shots.map((s) => s.end - s.start);
  const by = new Map<string, number>();
  for (const s of shots) by.set(`${s.status}${s.code ? ` ${s.code}` : ''}`, (by.get(`${s.status}${s.code ? ` ${s.code}` : ''}`) ?? 0) + 1);
  console.log(`${label.padEnd(30)} ${shots.length} requests in ${(ms / 1000).toFixed(2)} s = ${(shots.length / (ms / 1000)).toFixed(0)} req/s; p50 ${pct(lat, 50).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms`);
  console.log(`${''.padEnd(30)} ${[...by].map(([k, n]) => `${k}: ${n}`).join(', ')}`);
}

export async function makeShoppers(api: ApiClient, n: number) {
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

export async function campaign(api: ApiClient, hq: string, title: string): Promise<{ id: number; skuId: number }> {
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
export async function outboxIdle(pool: mysql.Pool): Promise<void> {
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

export const readCount = async (file: string) => {
  await new Promise((r) => setTimeout(r, 200)); // the counter flushes every 50 ms
  return Number(fs.readFileSync(file, 'utf8') || 0);
};
