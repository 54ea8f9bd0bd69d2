/**
 * `npm start`: the API (and the H5 storefront) on one port, until SIGINT/SIGTERM. With
 * API_WORKERS > 1 (the default on MySQL: one per core) this process becomes the cluster primary
 * (cluster.ts) and each worker runs this same file.
 */
import cluster from 'node:cluster';
import fs from 'node:fs';
import { FAKE_WECHAT_URL_ENV, FAKE_WECOM_URL_ENV, runPrimary, type WorkerUp } from './cluster';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { demoLines, hqLoginLines } from './seed/demo-banner';
import type { DemoSummary } from './seed/seed';
import { startLoopmall } from './server';
import { remoteFakeWeChat } from './wechat/fake-wechat';
import { remoteFakeWeCom } from './wecom/fake-wecom';

/** What `npm start` prints once it listens: the store, HQ's login and what the demo seed made on this start. */
function banner(config: Config, url: string, demo: DemoSummary | null): void {
  const h5 = config.SERVE_H5 && fs.existsSync(config.h5Dir);
  const lines = [
    `Loopmall 商城已启动: ${url}/${h5 ? '' : '  (H5 not built: run npm run build:h5)'}`,
    `HQ API: ${url}/openapi.json`,
    ...hqLoginLines(config, url),
    ...demoLines(config, url, demo),
  ];
  printBlock(lines);
}

const printBlock = (lines: string[]) => console.log(`\n${lines.map((l) => `  ${l}`).join('\n')}\n`);

/** One API process: the only one (API_WORKERS=1) or a cluster worker. */
async function serve(config: Config, log: Logger): Promise<void> {
  // A cluster worker shares the primary's fakes (the environment the primary forked it with says where).
  const wechatUrl = cluster.isWorker ? process.env[FAKE_WECHAT_URL_ENV] : undefined;
  const wecomUrl = cluster.isWorker ? process.env[FAKE_WECOM_URL_ENV] : undefined;
  const running = await startLoopmall(config, log, {
    fakeWechat: wechatUrl ? remoteFakeWeChat(wechatUrl) : undefined,
    fakeWecom: wecomUrl ? remoteFakeWeCom(wecomUrl) : undefined,
  });
  if (cluster.isWorker) {
    // The primary prints the banner; the one worker that seeded adds what it made (codes included).
    const demo = demoLines(config, running.url, running.demo);
    if (demo.length) printBlock(demo);
    process.send!({ type: 'loopmall:up', url: running.url } satisfies WorkerUp);
  } else {
    log.info({ url: running.url, database: config.DATABASE_URL ? 'mysql' : 'embedded sqlite' }, 'Loopmall is up');
    banner(config, running.url, running.demo);
  }

  const shutdown = (signal: string) => {
    log.info({ signal, pid: process.pid }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // A terminal's Ctrl-C reaches the workers too; stop() runs once however many signals arrive.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Loopmall cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  if (config.apiWorkers > 1 && cluster.isPrimary) {
    await runPrimary(config, log, (url) => {
      log.info({ url, workers: config.apiWorkers, database: 'mysql' }, 'Loopmall is up');
      banner(config, url, null);
    });
  } else {
    await serve(config, log);
  }
}

main().catch((err) => {
  console.error('Loopmall failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
