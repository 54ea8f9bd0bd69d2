/**
 * SequenceBlocks: values handed out in blocks never repeat, across processes (two allocators on
 * one database stand for two API instances) and under bursts that empty blocks at once; a block's
 * reservation commits on its own; and the order-number migration starts the sequence
 * after every id whose permutation is already an order number.
 */
import { startTestApp, type TestApp } from '../../test/harness';
import { migrateAcross } from '../../test/migrate-across';
import { SequenceBlocks } from './sequence';

describe('SequenceBlocks', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.ds.query("INSERT INTO id_sequence (name, next_value) VALUES ('test-seq', 1), ('test-one', 1)");
  });
  afterAll(() => app?.close());

  const nextValue = async (name: string) => Number((await app.ds.query('SELECT next_value AS v FROM id_sequence WHERE name = ?', [name]))[0].v);

  it('gives every value once across two instances taking in bursts, with blocks reserved as they empty', async () => {
    const a = new SequenceBlocks(app.services.tx, 'test-seq', 7);
    const b = new SequenceBlocks(app.services.tx, 'test-seq', 7);
    const values = await Promise.all(Array.from({ length: 300 }, (_, i) => (i % 3 ? a : b).take()));
    expect(new Set(values).size).toBe(300);
    // Each instance's unused tail is a gap: at most one block per instance past the highest value.
    const end = await nextValue('test-seq');
    expect(Math.max(...values)).toBeLessThan(end);
    expect(end - 1 - 300).toBeLessThanOrEqual(2 * 7);
    expect(Math.min(...values)).toBe(1);
  });

  it('commits a block reservation on its own: the next instance starts after it, and the block is used up first', async () => {
    const seq = new SequenceBlocks(app.services.tx, 'test-one', 5);
    const first = await seq.take();
    // Committed by itself, whatever the taker does next: another instance starts after this block.
    expect(await nextValue('test-one')).toBe(first + 5);
    const other = new SequenceBlocks(app.services.tx, 'test-one', 5);
    expect(await other.take()).toBe(first + 5);
    expect(await seq.take()).toBe(first + 1);
  });

  it('fails loudly for a sequence that was never created', async () => {
    await expect(new SequenceBlocks(app.services.tx, 'no-such-seq').take()).rejects.toThrow('sequence no-such-seq is missing');
  });
});

it('the order-no sequence starts after the highest order id of an existing database', async () => {
  await migrateAcross(
    1796720000000,
    async (old) => {
      const now = '2026-12-01 08:00:00.000';
      for (const id of [3, 41]) {
        await old.query(
          `INSERT INTO shop_order (id, order_no, member_id, status, goods_fen, discount_fen, freight_fen, payable_fen, refunded_fen, item_count, adjustments, address, remark, pay_deadline, created_at, updated_at)
           VALUES (?, ?, 1, 'cancelled', 100, 0, 0, 100, 0, 1, '[]', '{}', '', ?, ?, ?)`,
          [id, `old-${id}`, now, now, now],
        );
      }
    },
    async (ds) => {
      const rows: { v: number | string }[] = await ds.query("SELECT next_value AS v FROM id_sequence WHERE name = 'order-no'");
      expect(rows.map((r) => Number(r.v))).toEqual([42]);
    },
  );
});
