/**
 * Each feature module stays behind its public entry. Three scans over every production source
 * file under api/src/modules, each first shown a synthetic violation so it is known to fail:
 * (a) no deep import into another module (only `../<module>`, its index.ts);
 * (b) no import cycle between modules (type-only imports count too);
 * (c) no SQL on, and no entity of, a table another module owns (owners: each module's `entities`).
 */
import 'reflect-metadata';
import path from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { cycles, deepImports, foreignTableUses, importsOf, moduleGraph, moduleSources, platformDeepImports, platformSources, type Ownership } from '../../test/module-boundaries';
import { MODULES } from '.';

const DIR = __dirname;
const sources = moduleSources(DIR);
const imports = sources.flatMap((s) => importsOf(DIR, s));
const rel = (f: string) => path.relative(DIR, f).split(path.sep).join('/');
const at = (module: string, file: string) => path.join(DIR, module, file);

/** Table and entity ownership, from each module definition's entities. */
function ownership(): Ownership {
  const own: Ownership = { tables: new Map(), entities: new Map() };
  const tables = getMetadataArgsStorage().tables;
  for (const m of MODULES) {
    for (const entity of m.entities) {
      const table = tables.find((t) => t.target === entity);
      if (!table?.name) throw new Error(`${m.name}: entity ${entity.name} has no @Entity(name)`);
      own.tables.set(table.name, m.name);
      own.entities.set(entity.name, m.name);
    }
  }
  return own;
}

describe('module boundaries', () => {
  const own = ownership();

  it('sees every module folder and its tables (so the scans have something to look at)', () => {
    expect(new Set(sources.map((s) => rel(s.file).split('/')[0]))).toEqual(new Set(MODULES.map((m) => folderOf(m.name))));
    expect(own.tables.get('shop_order')).toBe('orders');
    expect(own.tables.get('gb_seat')).toBe('groupbuy');
    expect(imports.length).toBeGreaterThan(100);
  });

  describe('(a) deep imports', () => {
    it('can see one', () => {
      const bad = { file: at('groupbuy', 'x.ts'), text: "import { ShopOrder } from '../orders/orders.entities';\nimport { ordersModule } from '../orders';\nimport type { Outbox } from '../outbox/index';" };
      expect(deepImports(importsOf(DIR, bad)).map((i) => i.specifier)).toEqual(['../orders/orders.entities']);
    });

    it('no module imports another module other than through its index.ts', () => {
      expect(deepImports(imports).map((i) => `${rel(i.from)} → ${i.specifier}`)).toEqual([]);
    });

    it('nor does the rest of api/src (app, server, db, platform …), except the demo seed', () => {
      const bad = { file: path.join(DIR, '..', 'x.ts'), text: "import { MODULES } from './modules';\nimport { Outbox } from './modules/outbox';\nimport { Sku } from './modules/catalogue/catalogue.entities';" };
      expect(platformDeepImports(DIR, bad)).toEqual(['./modules/catalogue/catalogue.entities']);
      const platform = platformSources(path.join(DIR, '..'), DIR);
      expect(platform.map((s) => path.basename(s.file))).toEqual(expect.arrayContaining(['app.ts', 'server.ts', 'module.ts']));
      const outside = platform.flatMap((s) => platformDeepImports(DIR, s).map((i) => `${path.relative(path.join(DIR, '..'), s.file)} → ${i}`));
      // The demo seed fills every module's tables of an empty database at first start, as data, not as a feature.
      expect(outside.filter((i) => !i.startsWith(`seed${path.sep}`))).toEqual([]);
    });
  });

  describe('(b) cycles between modules', () => {
    it('can see one', () => {
      const a = { file: at('orders', 'x.ts'), text: "import type { PaymentsService } from '../payments';" };
      const b = { file: at('payments', 'y.ts'), text: "import type { OrderReads } from '../orders';" };
      expect(cycles(moduleGraph([...importsOf(DIR, a), ...importsOf(DIR, b)]))).toEqual([['orders', 'payments', 'orders']]);
    });

    it('the modules import each other without a cycle', () => {
      expect(cycles(moduleGraph(imports)).map((c) => c.join(' → '))).toEqual([]);
    });

    it('the module list builds each module after every module it imports', () => {
      const order = MODULES.map((m) => folderOf(m.name));
      const late = [...moduleGraph(imports)].flatMap(([from, tos]) => [...tos].filter((to) => order.indexOf(to) > order.indexOf(from)).map((to) => `${from} uses ${to}, listed later`));
      // Type-only uses of a later module are harmless at build time, but none exist today: keep it so.
      expect(late).toEqual([]);
    });
  });

  describe("(c) another module's tables", () => {
    it('can see SQL on a foreign table, and an imported foreign entity, but not its own', () => {
      const sql = { file: at('guides', 'x.ts'), text: "await ds.query(`SELECT id FROM shop_order o JOIN guide g ON g.id = o.guide_id`);\nqb.from('order_line', 'l');\nds.getRepository('payment');" };
      expect(foreignTableUses(DIR, sql, own).map((u) => u.what)).toEqual(['SQL on shop_order', 'SQL on payment', 'SQL on order_line']);
      const entity = { file: at('payments', 'y.ts'), text: "import { ShopOrder } from '../orders/orders.entities';\nimport { Payment } from './payments.entities';" };
      expect(foreignTableUses(DIR, entity, own).map((u) => u.what)).toEqual(['entity ShopOrder']);
      const comment = { file: at('payments', 'z.ts'), text: '// reads nothing FROM shop_order\n/* UPDATE shop_order */' };
      expect(foreignTableUses(DIR, comment, own)).toEqual([]);
    });

    it("no module reads or writes another module's tables", () => {
      const uses = sources.flatMap((s) => foreignTableUses(DIR, s, own)).map((u) => `${rel(u.file)}: ${u.what} (owned by ${u.owner})`);
      expect(uses).toEqual([]);
    });
  });
});

/** A module's folder: its name, except where the name reads better than the folder. */
function folderOf(name: string): string {
  return name;
}
