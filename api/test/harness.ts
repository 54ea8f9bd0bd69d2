/**
 * Integration-test harness: each test file gets its own fresh database (a new schema on the
 * MySQL-compatible server, or a new SQLite file), migrated by the real start-up path, and a real
 * HTTP server on a free loopback port. The jest project decides which database (LOOPMALL_TEST_DB).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { loadConfig } from '../src/config';
import type { DbTarget } from '../src/db/data-source';
import { createLogger, type Logger } from '../src/logger';
import { startLoopmall, type Running, type StartOptions } from '../src/server';

export type TestDb = 'mysql' | 'sqlite';
export const TEST_DB: TestDb = process.env.LOOPMALL_TEST_DB === 'mysql' ? 'mysql' : 'sqlite';
const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306/test';

/** A throwaway database of the kind this jest project tests; `drop()` removes it. */
export async function freshDatabase(): Promise<{ target: DbTarget; drop: () => Promise<void> }> {
  const name = `lm_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (TEST_DB === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopmall-'));
    return { target: { kind: 'sqlite', file: path.join(dir, `${name}.sqlite`) }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = await mysql.createConnection(MYSQL_URL).catch((err: Error) => {
    throw new Error(
      `The MySQL-backed tests need a MySQL 8 / MariaDB >= 10.6 server at TEST_DATABASE_URL (now ${MYSQL_URL}): ${err.message}. ` +
        'Start one (bash .ci/run does) or set TEST_DATABASE_URL.',
    );
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(MYSQL_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'mysql', url: url.toString(), poolSize: 20 },
    drop: async () => {
      const conn = await mysql.createConnection(MYSQL_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

export interface TestApp extends Running {
  api: ApiClient;
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: () => Date;
  /** Registers extra contributors or hooks before the routes are built (StartOptions.extend). */
  extend?: StartOptions['extend'];
  /** Modules appended to the module list (a test-only feature module). */
  modules?: StartOptions['modules'];
  /** Reshapes the fresh database's target (a pool of one, a proxy in front of the server). */
  db?: (target: DbTarget) => DbTarget;
  log?: Logger;
}

/**
 * Boots Loopmall on a fresh database; env overrides the test defaults (seed off, fake WeChat on,
 * job timers off and outbox events left to the job: tests run jobs, outbox included, by hand;
 * outbox.dispatch.test.ts runs the default OUTBOX_DISPATCH=immediate; request-rate limits off,
 * since burst tests send many shoppers from one address: rate-limit.test.ts turns them on; no
 * accept lanes, whose helper process costs each of the suite's hundreds of starts ~75 ms:
 * oversized.test.ts and single-process.test.ts run with them).
 */
export async function startTestApp(env: Record<string, string> = {}, opts: TestAppOptions = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', SERVE_H5: 'false', SEED_DEMO: 'false', JOBS_ENABLED: 'false', OUTBOX_DISPATCH: 'job', RATE_LIMIT_ENABLED: 'false', HQ_ADMIN_PASSWORD: HQ_TEST_PASSWORD, ACCEPT_LANES: '0', ...env });
  const log = opts.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const target = opts.db ? opts.db(db.target) : db.target;
  const running = await startLoopmall(config, log, { db: target, now: opts.now, extend: opts.extend, modules: opts.modules });
  return {
    ...running,
    api: new ApiClient(running.url),
    close: async () => {
      await running.stop();
      await db.drop();
    },
  };
}

export interface ApiResult<T = any> {
  status: number;
  body: { ok: boolean; data: T; code?: string; message?: string; field?: string; issues?: { field: string; message: string }[] };
  headers: Headers;
}

/**
 * fetch, sent again once when a GET or HEAD finds its kept-alive connection reset. The API keeps
 * idle connections 65 s (server.ts, for load balancers) and fetch reuses one until a second before
 * that, by a coarse timer: a test that idles about that long can send on a socket the server is
 * closing. Only requests safe to repeat are repeated, as HTTP clients do (RFC 9110 9.2.2).
 */
async function fetchRetryingReset(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if ((init.method === 'GET' || init.method === 'HEAD') && (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')) return fetch(url, init);
    throw err;
  }
}

/** A tiny fetch wrapper: JSON in, `{status, body}` out, never throws on HTTP errors. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async call<T = any>(method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {}): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(opts.body);
    }
    const res = await fetchRetryingReset(this.baseUrl + path, { method, headers, body: payload });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = { raw: text };
    }
    return { status: res.status, body, headers: res.headers };
  }

  get<T = any>(path: string, token?: string) {
    return this.call<T>('GET', path, { token });
  }
  post<T = any>(path: string, body: unknown, token?: string) {
    return this.call<T>('POST', path, { body, token });
  }
  patch<T = any>(path: string, body: unknown, token?: string) {
    return this.call<T>('PATCH', path, { body, token });
  }
}

/** Logs a shopper in through the fake WeChat, exactly as the mini-program does. */
export async function loginShopper(app: TestApp, openid = `o_${randomBytes(6).toString('hex')}`): Promise<{ token: string; memberId: number; openid: string }> {
  const code = app.fakeWechat!.mintCode(openid);
  const res = await app.api.post('/api/auth/wechat-login', { code });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.data.token, memberId: res.body.data.member.id, openid };
}

export const HQ_TEST_PASSWORD = 'hq-test-password';

export async function loginHq(app: TestApp, username = 'admin', password = HQ_TEST_PASSWORD): Promise<string> {
  const res = await app.api.post('/api/hq/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`HQ login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token;
}

/** The Redis the shared-state tests use (a real server; `.ci/run` starts one when none answers). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/0';
