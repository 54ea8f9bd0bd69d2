/**
 * The console's typed client and form rules must describe the API as it is: the committed
 * schema.d.ts and rules.gen.ts are what the running API's /openapi.json renders to. A route or a
 * request schema added or changed without `npm run console:api-types` fails here, naming the fix.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SCRIPT = path.join(__dirname, 'scripts/api-types.ts');
const ROOT = path.resolve(__dirname, '../..');

test('api/console/src/api/schema.d.ts and rules.gen.ts are up to date with /openapi.json', () => {
  const tsx = require.resolve('tsx/cli');
  const rendered = JSON.parse(execFileSync(process.execPath, [tsx, SCRIPT, '--stdout'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, string>;
  expect(Object.keys(rendered).sort()).toEqual(['api/console/src/api/rules.gen.ts', 'api/console/src/api/schema.d.ts']);
  // It rendered the real document, not an empty one.
  expect(rendered['api/console/src/api/schema.d.ts']).toContain('"/api/hq/orders"');
  expect(rendered['api/console/src/api/rules.gen.ts']).toContain('"POST /api/hq/orders/{id}/ship"');
  for (const [file, text] of Object.entries(rendered)) {
    const committed = fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), 'utf8') : '';
    if (committed !== text) throw new Error(`The console API files are stale: run \`npm run console:api-types\` and commit ${file}`);
  }
}, 60_000);
