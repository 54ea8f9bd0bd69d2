/**
 * The console's API types and form rules come from the API's own OpenAPI document: this starts the
 * real API on a throwaway embedded database, reads /openapi.json and turns it into TypeScript with
 * openapi-typescript (api/console/src/api/schema.d.ts) and into the request fields' constraints
 * (api/console/src/api/rules.gen.ts, see form-rules.ts). `npm run console:api-types` writes both;
 * with `--stdout` it prints them as JSON by file instead, which api-types.unit.test.ts compares with
 * the committed files (in a child process: openapi-typescript loads ES modules that jest's CommonJS
 * runtime cannot).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startLoopmall } from '../../src/server';
import { renderFormRules } from './form-rules';

export const SCHEMA_FILE = path.resolve(__dirname, '../src/api/schema.d.ts');
export const RULES_FILE = path.resolve(__dirname, '../src/api/rules.gen.ts');

const HEADER = '/**\n * Generated from the API\'s /openapi.json by `npm run console:api-types`. Do not edit.\n */\n\n';

/** Each generated file's text by its path (relative to the repository). */
export async function renderApiFiles(): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopmall-openapi-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SERVE_H5: 'false', SEED_DEMO: 'false', JOBS_ENABLED: 'false', HQ_ADMIN_PASSWORD: 'openapi-render-only' });
  const running = await startLoopmall(config, createLogger('silent'), { db: { kind: 'sqlite', file: path.join(dir, 'openapi.sqlite') } });
  try {
    const doc = await (await fetch(`${running.url}/openapi.json`)).json();
    const root = path.resolve(__dirname, '../../..');
    return {
      [path.relative(root, SCHEMA_FILE)]: HEADER + astToString(await openapiTS(doc)),
      [path.relative(root, RULES_FILE)]: renderFormRules(doc),
    };
  } finally {
    await running.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  renderApiFiles().then(
    (files) => {
      if (process.argv.includes('--stdout')) return void process.stdout.write(JSON.stringify(files));
      const root = path.resolve(__dirname, '../../..');
      for (const [file, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(root, file), text);
        console.log(`wrote ${file} (${text.length} bytes)`);
      }
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
