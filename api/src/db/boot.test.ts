/**
 * Boot against a database that is briefly unreachable (a TCP proxy in front of MariaDB that
 * resets every connection): start-up retries it for DB_BOOT_RETRY_MS, with a warn line per
 * attempt, then fails with a message that says so. SQLite has no connection to lose: MySQL only.
 */
import { loadConfig } from '../config';
import { freshDatabase, HQ_TEST_PASSWORD, TEST_DB } from '../../test/harness';
import { capturingLogger, WARN } from '../../test/capture-log';
import { FaultProxy, viaProxy } from '../../test/fault-proxy';
import { startLoopmall } from '../server';
import { openDatabase } from './boot';

const mysqlOnly = TEST_DB === 'mysql' ? describe : describe.skip;

/** startLoopmall on a fresh schema reached through the proxy on `port`; the schema is dropped whatever happens. */
async function bootThrough(port: number, retryMs: number, log = capturingLogger('warn').log) {
  const db = await freshDatabase();
  const target = db.target.kind === 'mysql' ? { ...db.target, url: viaProxy(db.target.url, port) } : db.target;
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', SERVE_H5: 'false', SEED_DEMO: 'false', JOBS_ENABLED: 'false', HQ_ADMIN_PASSWORD: HQ_TEST_PASSWORD, DB_BOOT_RETRY_MS: String(retryMs) });
  const started = Date.now();
  try {
    const running = await startLoopmall(config, log, { db: target });
    return { ms: Date.now() - started, running, drop: db.drop };
  } catch (err) {
    await db.drop();
    return { ms: Date.now() - started, error: err as Error };
  }
}

mysqlOnly('boot while the database is briefly unreachable (MySQL only)', () => {
  let proxy: FaultProxy;
  let port: number;
  beforeEach(async () => {
    proxy = new FaultProxy('127.0.0.1', 3306);
    port = await proxy.start();
  });
  afterEach(() => proxy.stop());

  it('retries for DB_BOOT_RETRY_MS with a warn line per attempt, and boots once the database is back', async () => {
    proxy.breakAll();
    const healed = setTimeout(() => proxy.heal(), 3000);
    const captured = capturingLogger('warn');
    const boot = await bootThrough(port, 20_000, captured.log);
    clearTimeout(healed);
    expect(boot.error).toBeUndefined();
    try {
      expect(boot.ms).toBeGreaterThanOrEqual(2900);
      const res = await fetch(`${boot.running!.url}/api/categories`);
      expect(res.status).toBe(200);
      const retries = captured.lines.filter((l) => l.msg === 'database unreachable at boot: retrying');
      expect(retries.length).toBeGreaterThanOrEqual(2);
      expect(retries.every((l) => l.level === WARN && typeof l.attempt === 'number')).toBe(true);
    } finally {
      await boot.running?.stop();
      await boot.drop?.();
    }
  });

  it('gives up with a clear error once DB_BOOT_RETRY_MS has passed', async () => {
    proxy.breakAll();
    const boot = await bootThrough(port, 2000);
    expect(boot.running).toBeUndefined();
    expect(boot.error?.message).toMatch(/^database unreachable at boot for \d+ ms \(DB_BOOT_RETRY_MS=2000\), \d+ attempts: /);
    expect(boot.ms).toBeGreaterThanOrEqual(2000);
    expect(boot.ms).toBeLessThan(10_000);
  });

  it('does not retry what a retry cannot mend: refused credentials fail at once', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306/test');
    url.password = 'not-the-password';
    const started = Date.now();
    await expect(openDatabase({ kind: 'mysql', url: url.toString(), poolSize: 1 }, { retryMs: 20_000, log: capturingLogger('warn').log })).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

