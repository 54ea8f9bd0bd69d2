/**
 * The audit log is append-only: no source file under api/src updates or deletes audit_log rows
 * (ORM or raw SQL), and the audit module's only write is an insert. Each pattern is first shown to
 * match a synthetic violation, so the scan can fail.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../..');
const CHANGES = [
  /(update|delete|softDelete|remove|save|upsert|increment|decrement|clear)\(\s*AuditLog\b/,
  /getRepository\(\s*AuditLog\s*\)\s*\.(update|delete|softDelete|remove|save|upsert|increment|decrement|clear)\b/,
  /\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?|REPLACE\s+INTO)\s+[`"]?audit_log\b/i,
  /createQueryBuilder\(\s*\)\s*\.(update|delete)\(\s*AuditLog\b/,
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$|test-support\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('audit_log is append-only', () => {
  it('the patterns catch an update, a delete and raw SQL (so the scan can fail)', () => {
    const violations = ["m.update(AuditLog, { id: 1 }, { afterJson: '{}' })", 'ds.getRepository(AuditLog).delete({ id: 1 })', 'await q.query(`DELETE FROM audit_log WHERE id = 1`)', 'UPDATE `audit_log` SET username = 1'];
    for (const v of violations) expect([v, CHANGES.some((re) => re.test(v))]).toEqual([v, true]);
    expect(CHANGES.some((re) => re.test('ds.getRepository(AuditLog).insert(row)'))).toBe(false);
  });

  it('no source file changes or removes an audit row; the recorder inserts', () => {
    const files = sources(SRC).filter((f) => !f.includes(`${path.sep}migrations${path.sep}`));
    const offenders = files.filter((f) => CHANGES.some((re) => re.test(fs.readFileSync(f, 'utf8'))));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
    expect(fs.readFileSync(path.join(__dirname, 'audit.recorder.ts'), 'utf8')).toMatch(/getRepository\(AuditLog\)\.insert\(/);
  });
});
