import { BatchRead } from './batch-read';

const tick = () => new Promise((r) => setImmediate(r));

/** A loadMany that records each batch and answers key * 10 for every key but 13. */
function recorder() {
  const batches: number[][] = [];
  const loadMany = async (keys: number[]) => {
    batches.push([...keys]);
    return new Map(keys.filter((k) => k !== 13).map((k) => [k, k * 10]));
  };
  return { batches, loadMany };
}

const missing = (k: number) => new Error(`no ${k}`);

describe('BatchRead', () => {
  it('answers every key asked in one round with one loadMany, duplicates sharing an entry', async () => {
    const r = recorder();
    const b = new BatchRead(r.loadMany, { maxBatch: 100, missing });
    const answers = await Promise.all([1, 2, 3, 2].map((k) => b.load(k)));
    expect(answers).toEqual([10, 20, 30, 20]);
    expect(r.batches).toEqual([[1, 2, 3]]);
  });

  it('starts a new batch for keys asked after the round ran', async () => {
    const r = recorder();
    const b = new BatchRead(r.loadMany, { maxBatch: 100, missing });
    const first = b.load(1);
    await tick();
    const second = b.load(2);
    expect(await Promise.all([first, second])).toEqual([10, 20]);
    expect(r.batches).toEqual([[1], [2]]);
  });

  it('splits a round larger than maxBatch', async () => {
    const r = recorder();
    const b = new BatchRead(r.loadMany, { maxBatch: 2, missing });
    expect(await Promise.all([1, 2, 3, 4, 5].map((k) => b.load(k)))).toEqual([10, 20, 30, 40, 50]);
    expect(r.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('rejects a key loadMany left out with its own error, and answers the others', async () => {
    const r = recorder();
    const b = new BatchRead(r.loadMany, { maxBatch: 100, missing });
    const [ok, gone] = await Promise.allSettled([b.load(12), b.load(13)]);
    expect(ok).toEqual({ status: 'fulfilled', value: 120 });
    expect(gone).toMatchObject({ status: 'rejected', reason: new Error('no 13') });
  });

  it('fails every caller of a batch whose loadMany failed, and the next batch loads again', async () => {
    let fail = true;
    const b = new BatchRead(
      async (keys: number[]) => {
        if (fail) throw new Error('database away');
        return new Map(keys.map((k) => [k, k]));
      },
      { maxBatch: 100, missing },
    );
    const results = await Promise.allSettled([b.load(1), b.load(2)]);
    expect(results.map((x) => x.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await b.load(1)).toBe(1);
  });
});
