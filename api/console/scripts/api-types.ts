/**
 * The console's API types come from the API's own OpenAPI document: this starts the real API on a
 * throwaway embedded database, reads /openapi.json and turns it into TypeScript with
 * openapi-typescript. `npm run console:api-types` writes api/console/src/api/schema.d.ts; with
 * `--stdout` it prints instead, which api-types.unit.test.ts compares with the committed file (in a
 * child process: openapi-typescript loads ES modules that jest's CommonJS runtime cannot).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startLoopmall } from '../../src/server';

export const SCHEMA_FILE = path.resolve(__dirname, '../src/api/schema.d.ts');

const HEADER = '/**\n * Generated from the API\'s /openapi.json by `npm run console:api-types`. Do not edit.\n */\n\n';

export async function renderApiTypes(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopmall-openapi-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SERVE_H5: 'false', SEED_DEMO: 'false', JOBS_ENABLED: 'false', HQ_ADMIN_PASSWORD: 'openapi-render-only' });
  const running = await startLoopmall(config, createLogger('silent'), { db: { kind: 'sqlite', file: path.join(dir, 'openapi.sqlite') } });
  try {
    const doc = await (await fetch(`${running.url}/openapi.json`)).json();
    return HEADER + astToString(await openapiTS(doc));
  } finally {
    await running.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  renderApiTypes().then(
    (text) => {
      if (process.argv.includes('--stdout')) return void process.stdout.write(text);
      fs.writeFileSync(SCHEMA_FILE, text);
      console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)} (${text.length} bytes)`);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
