/**
 * The API as `npm start` runs it with one process (API_WORKERS=1, the `auto` count beside a local
 * database on 2 cores): its accept lanes (platform/accept-lanes.ts) take a burst of new connections,
 * the helper that made them is gone, and SIGTERM still drains every connection.
 */
import fs from 'node:fs';
import http from 'node:http';
import { startApiProcess } from '../bench/api-process';
import { TEST_DB } from '../test/harness';

/** The command lines of the processes `pid` started. */
function children(pid: number): string[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/\s+/)
    .filter(Boolean)
    .map((child) => {
      try {
        return fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        return '';
      }
    });
}

/** How many of `pid`'s descriptors share its most shared socket (the listening one, with its lanes). */
function listeningDescriptors(pid: number): number {
  const counts = new Map<string, number>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith('socket:')) counts.set(target, (counts.get(target) ?? 0) + 1);
    } catch {
      // closed meanwhile
    }
  }
  return Math.max(0, ...counts.values());
}

/** GET on a connection of its own. */
const get = (url: string) =>
  new Promise<number>((resolve, reject) => {
    http.get(url, { agent: false }, (res) => res.resume().on('end', () => resolve(res.statusCode!))).on('error', reject);
  });

(TEST_DB === 'mysql' ? describe : describe.skip)('one API process (MySQL)', () => {
  jest.setTimeout(120_000);

  it('answers a burst of 200 new connections, leaves no helper behind and drains on SIGTERM', async () => {
    const server = await startApiProcess({ API_WORKERS: '1', ACCEPT_LANES: '16' });
    let stopped = false;
    try {
      expect(listeningDescriptors(server.pid)).toBe(1 + 16);
      expect(children(server.pid).filter((cmd) => cmd.includes("process.on('message'"))).toEqual([]);
      const answers = await Promise.all(Array.from({ length: 200 }, () => get(`${server.url}/api/categories`)));
      expect(answers).toEqual(Array(200).fill(200));
      // A kept-alive connection (idle, perhaps taken by a lane) does not hold the shutdown back.
      const agent = new http.Agent({ keepAlive: true });
      await new Promise((r) => http.get(`${server.url}/healthz`, { agent }, (res) => res.resume().on('end', r)));
      stopped = true;
      expect(await server.stop()).toBe(0);
      agent.destroy();
    } finally {
      if (!stopped) await server.stop();
    }
  });
});
