/**
 * One owner per counter: only the catalogue module writes sku.stock. This reads every source file
 * under api/src and fails on any statement outside catalogue/ that updates the sku table or sets
 * a `stock` column, so a feature cannot quietly grow its own stock write.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../..');
/** Writes to the sku table: a query builder's update(Sku), EntityManager.update/increment(Sku, …), a repository's, or raw SQL. (Other tables' `stock` columns, such as a mall item's, are their modules' own.) */
const WRITES = [/update\(\s*Sku\s*[,)]/, /UPDATE\s+[`"]?sku[`"]?\s+SET/i, /getRepository\(\s*Sku\s*\)\s*\.(save|update|insert|increment|decrement)/, /\.(increment|decrement)\(\s*Sku\b/];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$|test-support\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('sku.stock has one owner', () => {
  const files = sources(SRC);

  it('the scan sees the catalogue module and its writes (so it can fail)', () => {
    const stock = files.find((f) => f.endsWith(path.join('catalogue', 'stock.ts')))!;
    expect(WRITES.some((re) => re.test(fs.readFileSync(stock, 'utf8')))).toBe(true);
  });

  it('no file outside api/src/modules/catalogue writes sku.stock', () => {
    const outside = files.filter((f) => !f.includes(`${path.sep}modules${path.sep}catalogue${path.sep}`));
    const offenders = outside.filter((f) => WRITES.some((re) => re.test(fs.readFileSync(f, 'utf8'))));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
