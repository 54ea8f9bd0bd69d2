/**
 * Preloaded into the API process by the flash-sale bench (NODE_OPTIONS=--require …): counts
 * every statement mysql2 sends (query and execute, BEGIN/COMMIT included) and writes the running
 * total to SQL_COUNT_FILE every 50 ms. Bench-only; the API itself never loads it.
 */
const fs = require('node:fs');
const path = require('node:path');
// The package's "exports" hides lib/: load the file by its path (the same module object the driver uses).
const Base = require(path.join(path.dirname(require.resolve('mysql2')), 'lib/base/connection.js'));

let count = 0;
let written = -1;
for (const name of ['query', 'execute']) {
  const original = Base.prototype[name];
  Base.prototype[name] = function counted(...args) {
    count++;
    return original.apply(this, args);
  };
}
const file = process.env.SQL_COUNT_FILE;
if (file) {
  setInterval(() => {
    if (count !== written) {
      fs.writeFileSync(file, String(count));
      written = count;
    }
  }, 50).unref();
}
