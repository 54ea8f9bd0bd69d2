/**
 * API_WORKERS: the API as `npm start` runs it (main.ts in its own process), as a cluster of
 * workers on MySQL. (That the embedded database stays one process is config.unit.test.ts.)
 */
import fs from 'node:fs';
import { startApiProcess, type ApiProcess } from '../bench/api-process';
import { TEST_DB } from '../test/harness';

/** Node processes the given one started (tsx's esbuild service is not one of them). */
function nodeChildren(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter((child) => {
      try {
        return fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('main.ts');
      } catch {
        return false;
      }
    });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A request on a fresh connection, so the primary hands each one to the next worker. */
const fresh = (server: ApiProcess, path: string, init: RequestInit = {}) =>
  fetch(server.url + path, { ...init, headers: { connection: 'close', 'content-type': 'application/json', ...init.headers } });

// The workers need MySQL (the embedded database is single-process by configuration).
(TEST_DB === 'mysql' ? describe : describe.skip)('API workers (MySQL)', () => {
  jest.setTimeout(120_000);

  it('serves from every worker, replaces one that dies, and drains them all on SIGTERM', async () => {
    const server = await startApiProcess({ API_WORKERS: '2' });
    let stopped = false;
    try {
      const workers = nodeChildren(server.pid);
      expect(workers).toHaveLength(2);

      // Logins mint the code through one worker and redeem it through another: one shared fake WeChat.
      for (let i = 0; i < 6; i++) {
        const code = await (await fresh(server, '/api/auth/dev-code', { method: 'POST', body: '{}' })).json();
        const login = await fresh(server, '/api/auth/wechat-login', { method: 'POST', body: JSON.stringify({ code: code.data.code }) });
        expect(login.status).toBe(200);
      }

      process.kill(workers[0], 'SIGKILL');
      const replaced = await waitFor('a replacement worker', () => {
        const now = nodeChildren(server.pid);
        return now.length === 2 && !now.includes(workers[0]) ? now : undefined;
      });
      const answers = await Promise.all(Array.from({ length: 10 }, () => fresh(server, '/api/categories').then((r) => r.status)));
      expect(answers).toEqual(Array(10).fill(200));

      stopped = true;
      expect(await server.stop()).toBe(0);
      expect(replaced.filter(alive)).toEqual([]);
    } finally {
      if (!stopped) await server.stop();
    }
  });
});
