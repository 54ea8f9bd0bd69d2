/**
 * The load generator of bench:catalogue, run as its own process so it never shares an event loop
 * (or a core's worth of JIT) with what it measures. Given a plan on argv (JSON), it keeps
 * `concurrency` requests in flight for `seconds` after a short warm-up and prints one JSON line:
 * completed requests, errors, elapsed ms and latency percentiles.
 *
 * Two targets: `http` (GETs through a keep-alive node:http agent) and `mysql` (the same reads
 * with bare mysql2 on a pool, the denominator). An `http` target may instead name its own `paths`
 * (each request takes one at random) and `headers` (an HQ token): bench:hq's console reads.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { BARE_READS, type Ids, type ReadKind } from './catalogue-reads';

export interface LoadPlan {
  target: { kind: 'http'; baseUrl: string; paths?: string[]; headers?: Record<string, string> } | { kind: 'mysql'; dbUrl: string; poolSize: number };
  /** The catalogue read (with random `ids`) when the target names no paths. */
  read?: ReadKind;
  ids?: Ids;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  done: number;
  errors: number;
  ms: number;
  p50: number;
  p99: number;
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const SORTS = ['newest', 'price_asc', 'price_desc', 'sales'] as const;

/** The HTTP path of one read with random ids: what a shopper's phone would ask. */
function pathFor(read: ReadKind, ids: Ids): string {
  if (read === 'home') return '/api/home';
  if (read === 'detail') return `/api/products/${pick(ids.productIds)}`;
  return `/api/products?categoryId=${pick(ids.categoryIds)}&sort=${pick(SORTS)}&page=1&pageSize=20`;
}

function httpCaller(target: { baseUrl: string; paths?: string[]; headers?: Record<string, string> }, concurrency: number, plan: LoadPlan): () => Promise<boolean> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const next = target.paths ? () => pick(target.paths!) : () => pathFor(plan.read!, plan.ids!);
  return () =>
    new Promise((resolve) => {
      http
        .get(target.baseUrl + next(), { agent, headers: target.headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode === 200));
        })
        .on('error', () => resolve(false));
    });
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  let pool: mysql.Pool | null = null;
  let call: () => Promise<boolean>;
  if (plan.target.kind === 'http') {
    call = httpCaller(plan.target, plan.concurrency, plan);
  } else {
    const db = mysql.createPool({ uri: plan.target.dbUrl, connectionLimit: plan.target.poolSize });
    pool = db;
    call = () => BARE_READS[plan.read!](db, plan.ids!, pick, SORTS).then(() => true, () => false);
  }
  const phase = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: plan.concurrency }, async () => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const ok = await call();
          if (!record) continue;
          if (ok) latencies.push(performance.now() - t0);
          else errors++;
        }
      }),
    );
    return { latencies, errors, ms: performance.now() - started };
  };
  await phase(plan.warmupSeconds, false);
  const { latencies, errors, ms } = await phase(plan.seconds, true);
  await pool?.end();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { done: latencies.length, errors, ms, p50: pct(50), p99: pct(99) };
}

/** Runs this file in its own process with `plan` and answers what it printed. */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'load.ts'), JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`load generator exited with ${code}`))));
  });
}

if (require.main === module) {
  run(JSON.parse(process.argv[2]) as LoadPlan).then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
