/**
 * The API as production runs it, for benchmarks: `api/src/main.ts` in its own Node process,
 * on a fresh schema of the MySQL-compatible server, so the load generator never shares an event
 * loop with the server it measures.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../test/harness';

/** BENCH_API_ROOT=<checkout>: run that checkout's API (e.g. the code before a change) against the same benchmark. */
const ROOT = path.resolve(process.env.BENCH_API_ROOT ?? path.resolve(__dirname, '../..'));

/** The node flags `npm run start:api` of that checkout gives the API (its package.json), so it runs as shipped. */
function startFlags(): string[] {
  const script: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts['start:api'];
  return script.split(/\s+/).filter((arg) => arg.startsWith('--') && arg !== '--import');
}

export interface ApiProcess {
  url: string;
  /** mysql:// URL of the schema the process runs on. */
  dbUrl: string;
  api: ApiClient;
  hqPassword: string;
  /** The process started: the only API process, or the cluster primary with API_WORKERS > 1. */
  pid: number;
  /** SIGTERM, wait for the exit, drop the schema; answers the exit code. */
  stop(): Promise<number | null>;
}

export interface ApiProcessOptions {
  /** Reshapes the schema's mysql:// URL the process is given (a fault proxy in front of the server). */
  dbUrl?: (url: string) => string;
  /** Called with the process id as soon as it is spawned (before it listens). */
  spawned?: (pid: number) => void;
  /** Called with each line the process writes to stdout (its JSON log lines among them). */
  line?: (text: string) => void;
  /** mysql:// URL of an existing schema to run on instead of a fresh one; it is kept at stop (a benchmark's cached data). */
  database?: string;
}

export async function startApiProcess(env: Record<string, string> = {}, opts: ApiProcessOptions = {}): Promise<ApiProcess> {
  // The harness decides its database when it loads.
  process.env.LOOPMALL_TEST_DB = 'mysql';
  const { ApiClient, freshDatabase } = await import('../test/harness');
  const db = opts.database ? { target: { kind: 'mysql' as const, url: opts.database, poolSize: 20 }, drop: async () => {} } : await freshDatabase();
  if (db.target.kind !== 'mysql') throw new Error('the benchmark runs on the MySQL-compatible server');
  const hqPassword = 'bench-hq-password';
  // BENCH_CPU_PROF=<dir>: the API process writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...startFlags(), ...profile, '--import', 'tsx', 'api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: opts.dbUrl ? opts.dbUrl(db.target.url) : db.target.url,
      SEED_DEMO: 'false',
      // BENCH_SERVE_H5=true: the storefront's build served beside the API, as `npm start` runs it.
      SERVE_H5: process.env.BENCH_SERVE_H5 === 'true' ? 'true' : 'false',
      JOBS_ENABLED: 'false',
      // Benchmarks send thousands of shoppers from one address; a bench may turn the limits back on.
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      HQ_ADMIN_PASSWORD: hqPassword,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  opts.spawned?.(child.pid!);
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    if (!opts.line) return;
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    lines.forEach(opts.line);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`API not up in 600 s:\n${out}`)), 600_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // main.ts prints the storefront URL once it listens.
      const m = /商城已启动: (http:\/\/[^\s/]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code}:\n${out}`));
    });
  }).catch(async (err: unknown) => {
    // Not up: nothing is left running, and the schema goes.
    if (child.exitCode === null) child.kill('SIGKILL');
    await db.drop();
    throw err;
  });
  child.stdout!.resume();
  return {
    url,
    dbUrl: db.target.url,
    api: new ApiClient(url),
    hqPassword,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await db.drop();
      return child.exitCode;
    },
  };
}
