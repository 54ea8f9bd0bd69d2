import { startTestApp, type TestApp } from '../../../test/harness';
import { acquireLease, readLease, releaseLease } from './lease';

let app: TestApp;
const T0 = new Date('2026-03-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const take = (name: string, holder: string, ttlMs: number, now: Date) => acquireLease(app.services.tx, name, holder, ttlMs, now);

describe('job leases', () => {
  test('of many concurrent acquirers of a fresh lease exactly one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const name = `race-${round}`;
      const holders = Array.from({ length: 12 }, (_, i) => `h${i}`);
      const won = await Promise.all(holders.map((h) => take(name, h, 60_000, T0)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = holders[won.indexOf(true)];
      expect((await readLease(app.services.tx, name))?.holder).toBe(winner);
    }
  });

  test('two acquirers of an expired lease: exactly one takes it over', async () => {
    expect(await take('race-expired', 'old', 1_000, T0)).toBe(true);
    const won = await Promise.all([take('race-expired', 'a', 60_000, at(5_000)), take('race-expired', 'b', 60_000, at(5_000))]);
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  test('a live lease is refused to others; once expired it can be taken over', async () => {
    expect(await take('takeover', 'A', 10_000, T0)).toBe(true);
    expect(await take('takeover', 'B', 10_000, at(9_999))).toBe(false);
    expect((await readLease(app.services.tx, 'takeover'))?.holder).toBe('A');
    // A died without releasing: after lease_until, B may take it.
    expect(await take('takeover', 'B', 10_000, at(10_001))).toBe(true);
    expect(await readLease(app.services.tx, 'takeover')).toEqual({ holder: 'B', leaseUntil: at(20_001) });
    // And A, coming back, does not get it while B's lease lasts.
    expect(await take('takeover', 'A', 10_000, at(10_002))).toBe(false);
  });

  test('the holder can renew, also at the very same instant (same lease_until)', async () => {
    expect(await take('renew', 'A', 10_000, T0)).toBe(true);
    // Same clock, same lease_until: the UPDATE changes nothing but still matched our row.
    expect(await take('renew', 'A', 10_000, T0)).toBe(true);
    expect(await take('renew', 'A', 10_000, at(8_000))).toBe(true);
    expect((await readLease(app.services.tx, 'renew'))?.leaseUntil).toEqual(at(18_000));
    // Renewed: B is still refused past the first lease's end.
    expect(await take('renew', 'B', 10_000, at(12_000))).toBe(false);
  });

  test("release frees the lease for others, and never ends someone else's", async () => {
    expect(await take('release', 'A', 60_000, T0)).toBe(true);
    expect(await releaseLease(app.services.tx, 'release', 'B', at(1))).toBe(false);
    expect(await take('release', 'B', 60_000, at(2))).toBe(false);
    expect(await releaseLease(app.services.tx, 'release', 'A', at(3))).toBe(true);
    expect(await take('release', 'B', 60_000, at(3))).toBe(true);
    expect((await readLease(app.services.tx, 'release'))?.holder).toBe('B');
  });
});
