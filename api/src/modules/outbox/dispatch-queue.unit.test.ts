import { setImmediate as turn } from 'node:timers/promises';
import { createLogger } from '../../logger';
import { DispatchQueue } from './dispatch-queue';

/** A run function whose batches the test releases by hand. */
function gatedRuns() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  let active = 0;
  let maxActive = 0;
  const run = async (ids: number[]) => {
    batches.push(ids);
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise<void>((r) => gates.push(r));
    active--;
  };
  const releaseAll = async () => {
    while (gates.length) {
      gates.splice(0).forEach((open) => open());
      await turn();
    }
  };
  return { run, batches, releaseAll, maxActive: () => maxActive };
}

function quietLog() {
  const warnings: string[] = [];
  const log = createLogger('silent');
  log.warn = ((_obj: unknown, msg: string) => void warnings.push(msg)) as typeof log.warn;
  return { log, warnings };
}

describe('DispatchQueue', () => {
  it('coalesces ids pushed in one turn into batches, runs at most `concurrency` at once, each id once', async () => {
    const g = gatedRuns();
    const q = new DispatchQueue(g.run, quietLog().log, { concurrency: 2, maxQueued: 1000, batch: 3 });
    for (let id = 1; id <= 10; id++) q.push(id);
    q.push(1); // already waiting: not a second run
    expect(g.batches).toEqual([]); // nothing runs inside the caller's turn
    await turn();
    expect(g.batches).toEqual([[1, 2, 3], [4, 5, 6]]);
    await g.releaseAll();
    expect(g.batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(g.maxActive()).toBe(2);
    expect(q.pending).toBe(0);
  });

  it('past maxQueued an id is left to the job, with one warning per burst', async () => {
    const g = gatedRuns();
    const { log, warnings } = quietLog();
    const q = new DispatchQueue(g.run, log, { concurrency: 1, maxQueued: 3, batch: 10 });
    for (let id = 1; id <= 6; id++) q.push(id);
    expect(warnings).toEqual(['outbox dispatch queue full; the outbox job delivers the rest']);
    await turn();
    await g.releaseAll();
    expect(g.batches.flat()).toEqual([1, 2, 3]);
    // The burst is over: the next one warns again.
    for (let id = 7; id <= 11; id++) q.push(id);
    expect(warnings).toHaveLength(2);
    await turn();
    await g.releaseAll();
  });

  it('a failing batch is logged, and the queue carries on', async () => {
    const { log, warnings } = quietLog();
    const ran: number[][] = [];
    const q = new DispatchQueue(
      async (ids) => {
        ran.push(ids);
        if (ids.includes(1)) throw new Error('database away');
      },
      log,
      { concurrency: 1, maxQueued: 10, batch: 1 },
    );
    q.push(1);
    q.push(2);
    await turn();
    await turn();
    expect(ran).toEqual([[1], [2]]);
    expect(warnings).toEqual(['outbox dispatch failed; the outbox job will deliver']);
  });

  it('close() waits for the running batch, drops the waiting ids and takes no new ones', async () => {
    const g = gatedRuns();
    const q = new DispatchQueue(g.run, quietLog().log, { concurrency: 1, maxQueued: 10, batch: 1 });
    q.push(1);
    q.push(2);
    await turn();
    let closed = false;
    const closing = q.close().then(() => (closed = true));
    q.push(3);
    await turn();
    expect(closed).toBe(false);
    await g.releaseAll();
    await closing;
    expect(g.batches).toEqual([[1]]);
    expect(q.pending).toBe(0);
  });
});
