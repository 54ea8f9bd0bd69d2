/**
 * Numbers of a named sequence (table `id_sequence`), handed out in blocks (hi/lo): one short
 * transaction reserves `blockSize` values for this process, then each take() is free of SQL. Every
 * value is given out once across all processes; values of a block a process never uses (a refused
 * order, a restart) are skipped for good, so a sequence has gaps but never repeats.
 *
 * Why: a value known before an INSERT lets the row carry what is derived from it (the order
 * number) in the INSERT itself, instead of an UPDATE after the auto-increment id is known.
 */
import type { Transactor } from './transaction';

export class SequenceBlocks {
  private next = 0;
  private end = 0;
  private reserving: Promise<void> | undefined;

  constructor(
    private readonly tx: Transactor,
    readonly name: string,
    readonly blockSize = 100,
  ) {
    if (!Number.isInteger(blockSize) || blockSize < 1) throw new RangeError(`block size ${blockSize}`);
  }

  /** The next value; call it outside any transaction (a block is reserved in a transaction of its own). */
  async take(): Promise<number> {
    while (this.next >= this.end) {
      // One reservation at a time: concurrent takers of an empty block wait for the same one.
      this.reserving ??= this.reserve().finally(() => (this.reserving = undefined));
      await this.reserving;
    }
    return this.next++;
  }

  private async reserve(): Promise<void> {
    // Its own committed transaction, never the caller's: a block must stay taken even when the
    // order that asked for it rolls back, or the same values would be handed out again. On SQLite
    // the Transactor's queue keeps it off another transaction's shared connection.
    const end = await this.tx.run(async (m) => {
      if (this.tx.isSqlite) {
        const rows = (await m.query('UPDATE `id_sequence` SET `next_value` = `next_value` + ? WHERE `name` = ? RETURNING `next_value`', [this.blockSize, this.name])) as { next_value: number | string }[];
        return rows.length === 1 ? Number(rows[0].next_value) : null;
      }
      // The row lock orders concurrent reservations; LAST_INSERT_ID(expr) hands this statement's
      // new value back in its own answer, so no second read (which another process could race).
      const res = (await m.query('UPDATE `id_sequence` SET `next_value` = LAST_INSERT_ID(`next_value` + ?) WHERE `name` = ?', [this.blockSize, this.name])) as { affectedRows: number; insertId: number | string };
      return res.affectedRows === 1 ? Number(res.insertId) : null;
    });
    if (end === null || !Number.isSafeInteger(end)) throw new Error(`sequence ${this.name} is missing from id_sequence`);
    this.next = end - this.blockSize;
    this.end = end;
  }
}
