/** The per-SKU placement gate: who waits, who goes on, and that it only ever delays. */
import { SkuGate, type GateRelease } from './sku-gate';

/** Whether a promise has settled yet (after the microtasks queued so far have run). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  return done;
}

const line = (skuId: number, stock: number, quantity = 1) => ({ skuId, quantity, stock });
const never = () => undefined;

describe('SkuGate', () => {
  it('lets in what the read stock covers; the rest wait until the winners have committed, then one goes on', async () => {
    const gate = new SkuGate(60_000);
    const [a, b] = await Promise.all([gate.enter([line(1, 2)], [0], never), gate.enter([line(1, 2)], [0], never)]);
    const c = gate.enter([line(1, 2)], [0], never);
    expect(await settled(c)).toBe(false);
    expect(gate.inFlightOf(1)).toBe(2);

    a(true);
    // One unit taken since c's read and one placement still in flight: c cannot be covered yet.
    expect(await settled(c)).toBe(false);
    b(true);
    // Nothing in flight: c goes on (the database will tell it the stock is gone).
    expect(await settled(c)).toBe(true);
    expect(gate.inFlightOf(1)).toBe(1);
    (await c)(false);
    expect(gate.inFlightOf(1)).toBe(0);
    expect(gate.takenOf(1)).toBe(2);
  });

  it('a placement that fails frees its place for a waiter at once', async () => {
    const gate = new SkuGate(60_000);
    const a = await gate.enter([line(1, 1)], [0], never);
    const b = gate.enter([line(1, 1)], [0], never);
    expect(await settled(b)).toBe(false);
    a(false);
    expect(await settled(b)).toBe(true);
    expect(gate.takenOf(1)).toBe(0);
  });

  it('a read made after commits counts from there: fresh placements are not held back by older commits', async () => {
    const gate = new SkuGate(60_000);
    for (let k = 0; k < 4; k++) (await gate.enter([line(1, 10)], [0], never))(true);
    // Four of ten units taken; later reads see 6 and record the count at their read.
    const at = gate.takenOf(1);
    const held = await Promise.all(Array.from({ length: 5 }, () => gate.enter([line(1, 6)], [at], never)));
    expect(await settled(gate.enter([line(1, 6)], [at], never))).toBe(true); // 5 + 1 <= 6
    expect(await settled(gate.enter([line(1, 6)], [at], never))).toBe(false); // 6 + 1 > 6
    for (const h of held) h(false);
  });

  it('a waiter refused by its recheck (a sold-out mark) never takes a place', async () => {
    const gate = new SkuGate(60_000);
    const a = await gate.enter([line(1, 1)], [0], never);
    const b = gate.enter([line(1, 1)], [0], () => {
      throw new Error('sold out');
    });
    a(true);
    await expect(b).rejects.toThrow('sold out');
    expect(gate.inFlightOf(1)).toBe(0);
  });

  it('waits for every line of a multi-line order, holding no place while it waits', async () => {
    const gate = new SkuGate(60_000);
    const onTwo = await gate.enter([line(2, 1)], [0], never);
    const both = gate.enter([line(1, 5), line(2, 1)], [0, 0], never);
    expect(await settled(both)).toBe(false);
    expect(gate.inFlightOf(1)).toBe(0);
    onTwo(false);
    expect(await settled(both)).toBe(true);
    expect([gate.inFlightOf(1), gate.inFlightOf(2)]).toEqual([1, 1]);
  });

  it('goes on after maxWaitMs even if nothing finished, and a release counts once', async () => {
    const gate = new SkuGate(20);
    const a = await gate.enter([line(1, 1)], [0], never);
    const b: GateRelease = await gate.enter([line(1, 1)], [0], never);
    expect(gate.inFlightOf(1)).toBe(2);
    a(true);
    a(true);
    b(false);
    expect([gate.inFlightOf(1), gate.takenOf(1)]).toEqual([0, 1]);
  });
});
