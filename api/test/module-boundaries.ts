/**
 * Source scans that keep each feature module behind its public entry (api/src/modules/<name>/index.ts):
 * deep imports into another module, import cycles between modules, and SQL or entity use of a
 * table another module owns. Pure functions over source text, so a test can feed them a synthetic
 * violation and prove each scan can fail. Used by api/src/modules/boundaries.unit.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SourceFile {
  /** Absolute path. */
  file: string;
  text: string;
}

export interface ImportRef {
  from: string;
  /** The module folder the file is in. */
  fromModule: string;
  specifier: string;
  /** The module folder the import resolves into (null: outside api/src/modules, or the composition root). */
  toModule: string | null;
  /** Path inside that module, '' for its entry (the folder or its index). */
  inner: string;
  /** Names bound by the import clause (`{ A, type B as C }` → A, B). */
  names: string[];
}

/** Production sources of the modules: tests and test support are left out (they may reach in). */
export function moduleSources(modulesDir: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return walk(p);
      return /\.ts$/.test(e.name) && !/\.test\.ts$|test-support\.ts$/.test(e.name) ? [p] : [];
    });
  return walk(modulesDir)
    .filter((f) => path.dirname(f) !== modulesDir)
    .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

/** Production sources of api/src outside the modules (app, server, db, http, platform, seed …). */
export function platformSources(srcDir: string, modulesDir: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return p === modulesDir ? [] : walk(p);
      return /\.ts$/.test(e.name) && !/\.test\.ts$|test-support\.ts$/.test(e.name) ? [p] : [];
    });
  return walk(srcDir).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

/** Imports from outside the modules that reach past a module's entry (`modules/<name>/<file>`). */
export function platformDeepImports(modulesDir: string, src: SourceFile): string[] {
  const out: string[] = [];
  for (const m of stripComments(src.text).matchAll(IMPORT_RE)) {
    const specifier = m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7];
    if (!specifier?.startsWith('.')) continue;
    const rel = path.relative(modulesDir, path.resolve(path.dirname(src.file), specifier));
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const parts = rel.split(path.sep);
    if (parts.length > 2 || (parts.length === 2 && parts[1] !== 'index')) out.push(specifier);
  }
  return out;
}

/** The module a file belongs to: the first folder under modulesDir, or null for the root itself. */
export function moduleOf(modulesDir: string, file: string): string | null {
  const rel = path.relative(modulesDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

/** Comments removed (so a comment naming a table or a path is no violation); strings kept. */
export function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const IMPORT_RE = /(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|declare\s+module\s+['"]([^'"]+)['"]/g;

function boundNames(clause: string): string[] {
  const names: string[] = [];
  const braces = /\{([^}]*)\}/.exec(clause);
  if (braces) {
    for (const part of braces[1].split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0].trim();
      if (name) names.push(name);
    }
  }
  const head = clause.replace(/\{[^}]*\}/, '').replace(/^type\s+/, '').split(',')[0].trim();
  if (head && !head.startsWith('*')) names.push(head);
  return names;
}

/** Every relative import of a file, resolved to the module it lands in. */
export function importsOf(modulesDir: string, src: SourceFile): ImportRef[] {
  const fromModule = moduleOf(modulesDir, src.file);
  if (!fromModule) return [];
  const out: ImportRef[] = [];
  const code = stripComments(src.text);
  for (const m of code.matchAll(IMPORT_RE)) {
    const specifier = m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7];
    if (!specifier?.startsWith('.')) continue;
    const target = path.resolve(path.dirname(src.file), specifier);
    const toModule = moduleOf(modulesDir, target) ?? (path.dirname(target) === modulesDir ? path.basename(target) : null);
    const inModules = !path.relative(modulesDir, target).startsWith('..');
    const rel = inModules && toModule ? path.relative(path.join(modulesDir, toModule), target) : '';
    out.push({ from: src.file, fromModule, specifier, toModule: inModules ? toModule : null, inner: rel === 'index' ? '' : rel, names: m[2] ? boundNames(m[2]) : [] });
  }
  return out;
}

/** (a) Imports of another module that do not go through its entry. */
export function deepImports(imports: ImportRef[]): ImportRef[] {
  return imports.filter((i) => i.toModule && i.toModule !== i.fromModule && i.inner !== '');
}

/** The module → module edges (every import counts, type-only included). */
export function moduleGraph(imports: ImportRef[]): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const i of imports) {
    if (!i.toModule || i.toModule === i.fromModule) continue;
    if (!g.has(i.fromModule)) g.set(i.fromModule, new Set());
    g.get(i.fromModule)!.add(i.toModule);
  }
  return g;
}

/** (b) Every cycle between modules, each as a path a → b → … → a (one per strongly connected group). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, stack: string[]) => {
    if (stack.includes(node)) {
      const cycle = [...stack.slice(stack.indexOf(node)), node];
      const key = [...new Set(cycle)].sort().join(',');
      if (!found.some((c) => [...new Set(c)].sort().join(',') === key)) found.push(cycle);
      return;
    }
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) visit(next, [...stack, node]);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}

export interface Ownership {
  /** table name → owning module */
  tables: Map<string, string>;
  /** entity class name → owning module */
  entities: Map<string, string>;
}

export interface ForeignUse {
  file: string;
  module: string;
  owner: string;
  what: string;
}

/** SQL that names a table: FROM/JOIN/UPDATE/INTO t, or a query builder's from/join/into('t'). */
function sqlTableRefs(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/\b(?:from|join|update|into)\s+[`"]?([a-z_][a-z0-9_]*)[`"]?/gi)) out.push(m[1].toLowerCase());
  for (const m of code.matchAll(/getRepository\(\s*['"`]([a-z_][a-z0-9_]*)['"`]/g)) out.push(m[1]);
  for (const m of code.matchAll(/\.(?:from|innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect|leftJoinAndMapOne|into|update|insertInto)\(\s*['"`]([a-z_][a-z0-9_]*)['"`]/g)) out.push(m[1]);
  return out;
}

/** (c) SQL naming another module's table, or another module's entity class imported into a file. */
export function foreignTableUses(modulesDir: string, src: SourceFile, own: Ownership): ForeignUse[] {
  const module = moduleOf(modulesDir, src.file);
  if (!module) return [];
  const out: ForeignUse[] = [];
  const code = stripComments(src.text);
  for (const table of new Set(sqlTableRefs(code))) {
    const owner = own.tables.get(table);
    if (owner && owner !== module) out.push({ file: src.file, module, owner, what: `SQL on ${table}` });
  }
  for (const i of importsOf(modulesDir, src)) {
    if (!i.toModule || i.toModule === module) continue;
    for (const name of i.names) {
      const owner = own.entities.get(name);
      if (owner && owner !== module) out.push({ file: src.file, module, owner, what: `entity ${name}` });
    }
  }
  return out;
}
