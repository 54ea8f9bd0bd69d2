/**
 * The storefront the journeys drive: the real `npm start` entry point (api/src/main.ts) run as a
 * child process on a free port, on a fresh embedded database with the demo store, serving the
 * H5 build. A separate process keeps miniapp/ free of imports from api/, and tests the same
 * start-up a developer runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiGet } from './journeys/browse';
import { H5_DIR, ROOT } from './paths';

export interface Storefront {
  url: string;
  /** The extra fields of the start-up line (e.g. `controlUrl` of api/test/storefront-with-wecom.ts). */
  up: Record<string, unknown>;
  /** GET an API path and answer its `data` (throws on `{ok:false}`). */
  api: ApiGet;
  stop(): Promise<void>;
}

/** GET an API path and answer its `data`; `{ok:false}` fails the journey with the body. */
export function apiGetter(base: string): ApiGet {
  return async (p) => {
    const body = (await (await fetch(base + p)).json()) as { ok: boolean; data: never };
    if (!body.ok) throw new Error(`${p}: ${JSON.stringify(body)}`);
    return body.data;
  };
}

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/**
 * `root`: another checkout to run (its API and its dist/h5), for benchmarks of an earlier version.
 * `entry`: the API's start file, `npm start`'s by default.
 */
export async function startStorefront(name: string, timeoutMs = 60_000, root = ROOT, entry = 'api/src/main.ts'): Promise<Storefront> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `loopmall-e2e-${name}-`));
  const child: ChildProcess = spawn(root === ROOT ? TSX : path.join(root, 'node_modules/.bin/tsx'), [entry], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, H5_DIR: root === ROOT ? H5_DIR : path.join(root, 'dist/h5'), SEED_DEMO: 'true', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const up = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // pino writes one JSON object a line; the start-up line carries the URL.
      const line = /\{[^\n]*"msg":"Loopmall is up"[^\n]*\}/.exec(output);
      if (line) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(JSON.parse(line[0]));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code} before it was up:\n${output.slice(-2000)}`));
    });
  });
  // Keep draining the pipes so a chatty log never blocks the server.
  child.stdout!.resume();


  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const url = String(up.url);
  return { url, up, api: apiGetter(url), stop };
}
