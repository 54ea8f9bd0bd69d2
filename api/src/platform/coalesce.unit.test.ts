import { Coalescer } from './coalesce';

/** A load the test resolves or rejects by hand, counting how often it was started. */
function gate<V>() {
  const started: { resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];
  const load = () => new Promise<V>((resolve, reject) => started.push({ resolve, reject }));
  return { load, started };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('Coalescer (single-flight + TTL)', () => {
  let clock: number;
  const make = (ttlMs = 1000, maxEntries = 100) => new Coalescer<string>({ ttlMs, maxEntries, now: () => clock });
  beforeEach(() => (clock = 10_000));

  it('shares one in-flight load among every caller of the same key, not of another key', async () => {
    const c = make();
    const g = gate<string>();
    const a = c.get('k', g.load);
    const b = c.get('k', g.load);
    const other = c.get('other', g.load);
    await tick();
    expect(g.started).toHaveLength(2);
    g.started[0].resolve('v');
    g.started[1].resolve('w');
    expect(await Promise.all([a, b, other])).toEqual(['v', 'v', 'w']);
  });

  it('keeps the value until ttl after its load started, then loads again', async () => {
    const c = make(1000);
    let n = 0;
    const load = async () => {
      // The load takes 400 ms of the clock: its value must still expire 1 s after it began.
      clock += 400;
      return `v${++n}`;
    };
    expect(await c.get('k', load)).toBe('v1');
    clock = 10_999;
    expect(await c.get('k', load)).toBe('v1');
    clock = 11_000;
    expect(await c.get('k', load)).toBe('v2');
    expect(n).toBe(2);
  });

  it('does not keep a failure: waiters share it, the next caller loads again', async () => {
    const c = make();
    const g = gate<string>();
    const a = c.get('k', g.load);
    const b = c.get('k', g.load);
    await tick();
    g.started[0].reject(new Error('db down'));
    await expect(a).rejects.toThrow('db down');
    await expect(b).rejects.toThrow('db down');
    const again = c.get('k', g.load);
    await tick();
    expect(g.started).toHaveLength(2);
    g.started[1].resolve('ok');
    expect(await again).toBe('ok');
    expect(c.size).toBe(1);
  });

  it('treats a load that throws at once like one that rejects', async () => {
    const c = make();
    await expect(
      c.get('k', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await c.get('k', async () => 'fine')).toBe('fine');
  });

  it('keeps at most maxEntries values, evicting the oldest', async () => {
    const c = make(1000, 3);
    let loads = 0;
    const load = (v: string) => async () => (loads++, v);
    for (const k of ['a', 'b', 'c', 'd']) await c.get(k, load(k));
    expect(c.size).toBe(3);
    expect(loads).toBe(4);
    // b, c, d are kept; a was the oldest and is loaded again (evicting b).
    expect(await c.get('d', load('d2'))).toBe('d');
    expect(await c.get('a', load('a2'))).toBe('a2');
    expect(await c.get('b', load('b2'))).toBe('b2');
    expect(loads).toBe(6);
    expect(c.size).toBe(3);
  });

  it('clear() drops kept values, and a load begun before it is not kept when it lands', async () => {
    const c = make();
    expect(await c.get('k', async () => 'old')).toBe('old');
    const g = gate<string>();
    c.clear();
    const before = c.get('k', g.load);
    await tick();
    c.clear(); // a write lands while that read is in flight
    const after = c.get('k', g.load);
    await tick();
    expect(g.started).toHaveLength(2);
    // The read begun after the write lands first; the older one lands last and must not replace it.
    g.started[1].resolve('read after the write');
    expect(await after).toBe('read after the write');
    g.started[0].resolve('read before the write');
    expect(await before).toBe('read before the write');
    expect(await c.get('k', async () => 'unused')).toBe('read after the write');
  });

  it('with ttl 0 is off: every call loads, nothing is kept', async () => {
    const c = make(0);
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await Promise.all([c.get('k', load), c.get('k', load)])).toEqual(['v1', 'v2']);
    expect(c.size).toBe(0);
  });
});
