/**
 * API_WORKERS > 1: this process is the node:cluster primary. It serves nothing itself; it forks
 * the HTTP workers, which share the listening port (the primary hands out connections round-robin),
 * restarts one that dies, and on SIGINT/SIGTERM lets every worker drain before it exits.
 *
 * The first worker starts alone: it runs the migrations, the demo seed and the HQ owner bootstrap,
 * so the others find them done instead of racing. Scheduled jobs run in every worker; each run takes
 * its job's lease in the database first, so a job still runs once per interval across workers and
 * across machines.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config';
import type { Logger } from './logger';
import { FakeWeChat } from './wechat/fake-wechat';

/** The message a worker sends once it listens. */
export interface WorkerUp {
  type: 'loopmall:up';
  url: string;
}

/** Set in the workers' environment when the primary runs the one fake WeChat they share. */
export const FAKE_WECHAT_URL_ENV = 'LOOPMALL_FAKE_WECHAT_URL';

const isUp = (msg: unknown): msg is WorkerUp => (msg as WorkerUp | null)?.type === 'loopmall:up';

export async function runPrimary(config: Config, log: Logger, onUp: (url: string) => void): Promise<void> {
  const env: Record<string, string> = {};
  // One fake for all workers: a code minted through one worker must be known when the login lands on another.
  const fake = config.WECHAT_FAKE ? new FakeWeChat({ appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET, withUnionId: true }) : null;
  if (fake) {
    env[FAKE_WECHAT_URL_ENV] = await fake.start();
    log.warn({ baseUrl: fake.baseUrl }, 'using the fake WeChat server (development only)');
  }

  let stopping = false;
  const fork = () =>
    new Promise<string>((resolve, reject) => {
      const worker = cluster.fork(env);
      const onExit = (code: number | null) => reject(new Error(`worker ${worker.process.pid} exited with ${code} before listening`));
      worker.once('exit', onExit);
      worker.on('message', (msg: unknown) => {
        if (!isUp(msg)) return;
        worker.off('exit', onExit);
        resolve(msg.url);
      });
    });

  const url = await fork();
  await Promise.all(Array.from({ length: config.apiWorkers - 1 }, fork));
  log.info({ workers: config.apiWorkers }, 'API workers up');

  // A worker that dies outside a shutdown is replaced; its in-flight requests are lost, the others go on.
  cluster.on('exit', (worker: Worker, code, signal) => {
    // Exit code 0 is a worker that stopped on purpose (a Ctrl-C reaches it before we know).
    if (stopping || code === 0) return;
    log.error({ pid: worker.process.pid, code, signal }, 'API worker died; starting another');
    fork().catch((err) => log.error({ err }, 'replacement worker failed to start'));
  });

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down the workers');
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    // Clean: exit code 0 after draining, or our SIGTERM itself for a worker still starting (nothing to drain).
    const exited = workers.map(
      (w) => new Promise<boolean>((r) => (w.isDead() ? r(true) : w.once('exit', (code, signal) => r(code === 0 || signal === 'SIGTERM')))),
    );
    // Each worker stops accepting, finishes its requests and jobs (bounded by SHUTDOWN_GRACE_MS), closes its pool.
    for (const w of workers) if (!w.isDead()) w.process.kill('SIGTERM');
    const killer = setTimeout(() => workers.forEach((w) => w.isDead() || w.process.kill('SIGKILL')), config.SHUTDOWN_GRACE_MS + 15_000);
    void Promise.all(exited).then(async (clean) => {
      clearTimeout(killer);
      await fake?.stop();
      process.exit(clean.every(Boolean) ? 0 : 1);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  onUp(url);
}
