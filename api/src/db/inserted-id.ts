/**
 * The id an INSERT made, from the driver's own answer (`InsertResult.raw`): mysql2 answers a
 * ResultSetHeader with insertId, better-sqlite3 the lastInsertRowid. For inserts run with
 * updateEntity(false), where TypeORM fills no `identifiers` and reads nothing back.
 */
export function insertedId(raw: unknown): number {
  const id = typeof raw === 'object' && raw !== null && 'insertId' in raw ? (raw as { insertId: unknown }).insertId : raw;
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`no inserted id in the driver's answer: ${String(raw)}`);
  return n;
}
