/** `npm start`: the API (and the H5 storefront) on one port, until SIGINT/SIGTERM. */
import fs from 'node:fs';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { startLoopmall } from './server';

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
  const running = await startLoopmall(config, log);
  const h5 = config.SERVE_H5 && fs.existsSync(config.h5Dir);
  log.info({ url: running.url, database: config.DATABASE_URL ? 'mysql' : 'embedded sqlite', h5 }, 'Loopmall is up');
  console.log(`\n  Loopmall 商城已启动: ${running.url}/${h5 ? '' : '  (H5 not built: run npm run build:h5)'}\n  HQ API: ${running.url}/openapi.json\n`);

  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('Loopmall failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
