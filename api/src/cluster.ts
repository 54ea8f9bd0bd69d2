/**
 * API_WORKERS > 1: this process is the node:cluster primary. It serves nothing itself; it forks
 * the HTTP workers, which share the listening port (the primary hands out connections round-robin),
 * replaces one that fails, and on SIGINT/SIGTERM lets every worker drain before it exits.
 *
 * The first worker starts alone: it runs the migrations, the demo seed and the HQ owner bootstrap,
 * so the others find them done instead of racing. Scheduled jobs run in every worker; each run takes
 * its job's lease in the database first, so a job still runs once per interval across workers and
 * across machines.
 *
 * A worker that fails, while starting or later (a database blip as it boots), is replaced after a
 * back-off (RESTART_BACKOFF) while the others go on serving. Only when the first worker cannot start
 * FIRST_WORKER_ATTEMPTS times in a row (nothing would serve) does the primary give up.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config';
import type { Logger } from './logger';
import { FakeWeChat } from './wechat/fake-wechat';
import { FakeWeCom } from './wecom/fake-wecom';

/** The message a worker sends once it listens. */
export interface WorkerUp {
  type: 'loopmall:up';
  url: string;
}

/** Set in the workers' environment when the primary runs the one fake WeChat they share. */
export const FAKE_WECHAT_URL_ENV = 'LOOPMALL_FAKE_WECHAT_URL';
/** Likewise for the one fake WeCom (a token it issued must be known whichever worker calls next). */
export const FAKE_WECOM_URL_ENV = 'LOOPMALL_FAKE_WECOM_URL';

/** Wait before a failed worker is replaced: 1 s, doubling up to 30 s; back to 1 s after a worker served a minute. */
export const RESTART_BACKOFF = { firstMs: 1000, maxMs: 30_000, resetAfterMs: 60_000 };
/** Each worker already retries the database for DB_BOOT_RETRY_MS before it exits: a few more tries are enough. */
export const FIRST_WORKER_ATTEMPTS = 3;

const isUp = (msg: unknown): msg is WorkerUp => (msg as WorkerUp | null)?.type === 'loopmall:up';

interface Forked {
  worker: Worker;
  /** The worker's URL once it listens; rejects if it exits first. */
  up: Promise<string>;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

function fork(env: Record<string, string>): Forked {
  const worker = cluster.fork(env);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => worker.once('exit', (code, signal) => resolve({ code, signal })));
  const up = new Promise<string>((resolve, reject) => {
    worker.on('message', (msg: unknown) => isUp(msg) && resolve(msg.url));
    void exited.then(({ code, signal }) => reject(new Error(`worker ${worker.process.pid} exited with ${code ?? signal} before listening`)));
  });
  up.catch(() => undefined);
  return { worker, up, exited };
}

/** One fake WeChat and one fake WeCom for all workers: a code or token one worker got must be known on another. */
async function startSharedFakes(config: Config, log: Logger) {
  const env: Record<string, string> = {};
  const wechat = config.WECHAT_FAKE ? new FakeWeChat({ appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET, withUnionId: true }) : null;
  if (wechat) {
    env[FAKE_WECHAT_URL_ENV] = await wechat.start();
    log.warn({ baseUrl: wechat.baseUrl }, 'using the fake WeChat server (development only)');
  }
  // The workers tell it our callback URL once they listen (the port they share).
  const wecom = config.WECHAT_FAKE
    ? new FakeWeCom({ corpId: config.WECOM_CORP_ID, secret: config.WECOM_SECRET, agentSecret: config.WECOM_AGENT_SECRET, token: config.WECOM_CALLBACK_TOKEN, encodingAesKey: config.WECOM_CALLBACK_AES_KEY })
    : null;
  if (wecom) {
    env[FAKE_WECOM_URL_ENV] = await wecom.start();
    log.warn({ baseUrl: wecom.baseUrl }, 'using the fake WeCom server (development only)');
  }
  // The fake WeChat Pay is not shared: its merchant keys are made per process, so config allows one worker with it.
  return { env, stop: async () => Promise.all([wechat?.stop(), wecom?.stop()]) };
}

export async function runPrimary(config: Config, log: Logger, onUp: (url: string) => void): Promise<void> {
  const fakes = await startSharedFakes(config, log);
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => (timers.delete(t), resolve()), ms);
      timers.add(t);
    });
  let stopping = false;

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down the workers');
    timers.forEach(clearTimeout);
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
      await fakes.stop();
      process.exit(clean.every(Boolean) ? 0 : 1);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  /** Keeps one worker slot filled: whenever its worker exits (outside a shutdown), another is forked after the back-off. */
  const keep = (first: Forked) => {
    let delay = RESTART_BACKOFF.firstMs;
    const watch = (current: Forked) => {
      let upAt: number | null = null;
      void current.up.then(() => (upAt = Date.now()), () => undefined);
      void current.exited.then(async ({ code, signal }) => {
        // Exit code 0 is a worker that stopped on purpose (a Ctrl-C reaches it before we know).
        if (stopping || code === 0) return;
        if (upAt !== null && Date.now() - upAt >= RESTART_BACKOFF.resetAfterMs) delay = RESTART_BACKOFF.firstMs;
        const msg = upAt === null ? 'API worker exited before listening: starting another' : 'API worker died: starting another';
        log.error({ pid: current.worker.process.pid, code, signal, restartInMs: delay }, msg);
        const wait = delay;
        delay = Math.min(delay * 2, RESTART_BACKOFF.maxMs);
        await sleep(wait);
        if (stopping) return;
        const next = fork(fakes.env);
        void next.up.then(() => log.warn({ pid: next.worker.process.pid }, 'replacement API worker listening'), () => undefined);
        watch(next);
      });
    };
    watch(first);
  };

  // The first worker migrates alone; it must come up before the others are forked.
  let first: Forked;
  let url: string;
  for (let attempt = 1; ; attempt++) {
    first = fork(fakes.env);
    try {
      url = await first.up;
      break;
    } catch (err) {
      if (stopping) return;
      if (attempt >= FIRST_WORKER_ATTEMPTS) {
        await fakes.stop();
        throw new Error(`the first API worker failed to start ${attempt} times in a row; giving up (${(err as Error).message})`);
      }
      const wait = Math.min(RESTART_BACKOFF.firstMs * 2 ** (attempt - 1), RESTART_BACKOFF.maxMs);
      log.error({ attempt, of: FIRST_WORKER_ATTEMPTS, restartInMs: wait, err: (err as Error).message }, 'first API worker failed to start: trying again');
      await sleep(wait);
    }
  }
  keep(first);

  // The others start together; one that fails is replaced later and never holds up the rest.
  const others = Array.from({ length: config.apiWorkers - 1 }, () => fork(fakes.env));
  others.forEach(keep);
  const started = await Promise.all(others.map((o) => o.up.then(() => 1, () => 0)));
  log.info({ workers: 1 + started.reduce((a, b) => a + b, 0), of: config.apiWorkers }, 'API workers up');
  onUp(url);
}
