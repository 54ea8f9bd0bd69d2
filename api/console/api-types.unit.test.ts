/**
 * The console's typed client must describe the API as it is: the committed schema.d.ts is what the
 * running API's /openapi.json renders to. A route added or changed without `npm run console:api-types`
 * fails here, naming the fix.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SCRIPT = path.join(__dirname, 'scripts/api-types.ts');
const SCHEMA_FILE = path.join(__dirname, 'src/api/schema.d.ts');

test('api/console/src/api/schema.d.ts is up to date with /openapi.json', () => {
  const tsx = require.resolve('tsx/cli');
  const rendered = execFileSync(process.execPath, [tsx, SCRIPT, '--stdout'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // It rendered the real document, not an empty one.
  expect(rendered).toContain('"/api/hq/orders"');
  const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (committed !== rendered) throw new Error('The console API types are stale: run `npm run console:api-types` and commit api/console/src/api/schema.d.ts');
}, 60_000);
