/** Helpers for the tests that run the API as a cluster of worker processes (main.ts in its own process). */
import fs from 'node:fs';
import type { ApiProcess } from '../bench/api-process';

/** Node processes the given one started (tsx's esbuild service is not one of them). */
export function nodeChildren(pid: number): number[] {
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

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000, everyMs = 200): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A request on a fresh connection, so the primary hands each one to the next worker. */
export const fresh = (server: Pick<ApiProcess, 'url'>, path: string, init: RequestInit = {}) =>
  fetch(server.url + path, { ...init, headers: { connection: 'close', 'content-type': 'application/json', ...init.headers } });
