/**
 * API_WORKERS with a database that blips: the real cluster (main.ts in its own process, 2 workers)
 * on MariaDB through a TCP proxy that resets every connection on demand. A worker that cannot
 * start is replaced with back-off while the first one keeps answering (503 + Retry-After while the
 * database is away, never a refused connection), and everything recovers by itself.
 */
import { startApiProcess, type ApiProcess } from '../bench/api-process';
import { alive, fresh, nodeChildren, waitFor } from '../test/cluster-support';
import { FaultProxy, viaProxy } from '../test/fault-proxy';
import { TEST_DB } from '../test/harness';

type Answer = { status: number; retryAfter: number } | { refused: string };

/** One GET that reads the database, on a fresh connection; a refused connection is an answer too. */
async function probe(server: ApiProcess): Promise<Answer> {
  try {
    const res = await fresh(server, '/api/categories');
    await res.arrayBuffer();
    return { status: res.status, retryAfter: Number(res.headers.get('retry-after')) };
  } catch (err) {
    return { refused: String((err as { cause?: unknown }).cause ?? err) };
  }
}

const served = (a: Answer) => ('status' in a && a.status === 200) || ('status' in a && a.status === 503 && a.retryAfter > 0);

(TEST_DB === 'mysql' ? describe : describe.skip)('API workers when the database blips (MySQL)', () => {
  jest.setTimeout(240_000);

  it('replaces a worker that failed to start, keeps serving meanwhile, and rides out a burst of resets', async () => {
    const proxy = new FaultProxy('127.0.0.1', 3306);
    const port = await proxy.start();
    const logged: { msg: string; level: number }[] = [];
    let watch: Promise<number[]> = Promise.resolve([]);
    let server: ApiProcess | undefined;
    try {
      server = await startApiProcess(
        // A short boot retry, so the second worker gives up (and exits) while the database is still away.
        // The catalogue cache off: every probe must reach the database (a kept answer would be a 200).
        { API_WORKERS: '2', DB_BOOT_RETRY_MS: '1000', CATALOGUE_CACHE_MS: '0' },
        {
          dbUrl: (url) => viaProxy(url, port),
          // The second worker is forked once the first listens: reset everything while it boots.
          spawned: (pid) => {
            watch = waitFor('the second worker', () => {
              const workers = nodeChildren(pid);
              if (workers.length < 2) return undefined;
              proxy.breakAll();
              return workers;
            }, 60_000, 20);
          },
          line: (text) => {
            if (text.startsWith('{')) logged.push(JSON.parse(text));
          },
        },
      );
      const [first, second] = await watch;

      // The second worker could not reach the database and exited; the first still answers.
      await waitFor('the second worker to exit', () => (alive(second) ? undefined : true), 60_000);
      const during = await Promise.all(Array.from({ length: 8 }, () => probe(server!)));
      expect(during).toEqual(Array(8).fill({ status: 503, retryAfter: expect.any(Number) }));
      expect(during.every(served)).toBe(true);
      expect(logged.some((l) => l.msg === 'API worker exited before listening: starting another')).toBe(true);

      // The database comes back: a replacement joins the first worker, and every answer is a 200 again.
      proxy.heal();
      await waitFor('a replacement worker serving beside the first', async () => {
        const workers = nodeChildren(server!.pid);
        if (workers.length !== 2 || !workers.includes(first) || workers.includes(second)) return undefined;
        const answers = await Promise.all(Array.from({ length: 6 }, () => probe(server!)));
        return answers.every((a) => 'status' in a && a.status === 200) ? true : undefined;
      }, 120_000, 500);

      // A burst while every connection is reset: each request is served (200) or refused with a retry hint.
      let answered = 0;
      const burst = await Promise.all(
        Array.from({ length: 60 }, () =>
          probe(server!).then((a) => {
            if (++answered === 20) proxy.breakAll();
            return a;
          }),
        ),
      );
      expect(burst.filter((a) => !served(a))).toEqual([]);
      const broken = await Promise.all(Array.from({ length: 6 }, () => probe(server!)));
      expect(broken.filter((a) => !('status' in a) || a.status !== 503)).toEqual([]);
      proxy.heal();
      await waitFor('200s after the burst', async () => {
        const answers = await Promise.all(Array.from({ length: 6 }, () => probe(server!)));
        expect(answers.filter((a) => !served(a))).toEqual([]);
        return answers.every((a) => 'status' in a && a.status === 200) ? true : undefined;
      }, 60_000, 500);
      expect(nodeChildren(server.pid)).toHaveLength(2);
      expect(alive(first)).toBe(true);

      const code = await server.stop();
      server = undefined;
      expect(code).toBe(0);
    } finally {
      await server?.stop();
      await proxy.stop();
    }
  });

  it('gives up, with the reason, only when the first worker fails to start every time', async () => {
    const proxy = new FaultProxy('127.0.0.1', 3306);
    const port = await proxy.start();
    proxy.breakAll();
    const logged: { msg: string; attempt?: number }[] = [];
    try {
      const started = Date.now();
      const start = startApiProcess({ API_WORKERS: '2', DB_BOOT_RETRY_MS: '0' }, { dbUrl: (url) => viaProxy(url, port), line: (text) => text.startsWith('{') && logged.push(JSON.parse(text)) });
      await expect(start).rejects.toThrow(/^API exited with 1/);
      // FIRST_WORKER_ATTEMPTS tries, 1 s then 2 s apart, before the primary stops.
      expect(logged.filter((l) => l.msg === 'first API worker failed to start: trying again').map((l) => l.attempt)).toEqual([1, 2]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    } finally {
      await proxy.stop();
    }
  });
});

