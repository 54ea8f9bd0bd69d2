import { statesOf } from '../order/state';
import { formatDistance, isOpenState, PICKUP_STATE_OF, groupCode, haversineMeters, isPickupCode, nearestFirst, toMicro, fromMicro } from './rules';

describe('haversineMeters', () => {
  it.each([
    // Shanghai People's Square → Hangzhou West Lake: about 168 km.
    [{ lat: 31.2304, lng: 121.4737 }, { lat: 30.2592, lng: 120.1303 }, 167_760, 100],
    // One degree of latitude: about 111.2 km anywhere.
    [{ lat: 0, lng: 0 }, { lat: 1, lng: 0 }, 111_195, 5],
    // Same point: zero.
    [{ lat: 31.2, lng: 121.4 }, { lat: 31.2, lng: 121.4 }, 0, 0],
    // Across the antimeridian: 179.5 → -179.5 at the equator is one degree, not 359.
    [{ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 }, 111_195, 5],
    // Antipodes: half the circumference.
    [{ lat: 0, lng: 0 }, { lat: 0, lng: 180 }, 20_015_115, 5],
  ])('%j → %j is %i m (± %i)', (a, b, expected, tolerance) => {
    expect(Math.abs(haversineMeters(a, b) - expected)).toBeLessThanOrEqual(tolerance);
    expect(haversineMeters(b, a)).toBe(haversineMeters(a, b));
  });
});

describe('nearestFirst', () => {
  const stores = [
    { id: 'hangzhou', lat: 30.2592, lng: 120.1303 },
    { id: 'nowhere', lat: null, lng: null },
    { id: 'jingan', lat: 31.2243, lng: 121.4456 },
    { id: 'xuhui', lat: 31.1885, lng: 121.4365 },
    { id: 'unlocated', lat: null, lng: null },
  ];

  it('orders located stores by distance, unlocated ones after them in their given order', () => {
    const fromJingan = nearestFirst(stores, { lat: 31.2243, lng: 121.4456 });
    expect(fromJingan.map((s) => s.id)).toEqual(['jingan', 'xuhui', 'hangzhou', 'nowhere', 'unlocated']);
    expect(fromJingan[0].distanceM).toBe(0);
    expect(fromJingan[1].distanceM).toBeGreaterThan(3_000);
    expect(fromJingan[3].distanceM).toBeNull();
    const fromHangzhou = nearestFirst(stores, { lat: 30.25, lng: 120.13 });
    expect(fromHangzhou.map((s) => s.id)).toEqual(['hangzhou', 'xuhui', 'jingan', 'nowhere', 'unlocated']);
  });

  it('keeps the given order, with no distances, without an origin', () => {
    const none = nearestFirst(stores, null);
    expect(none.map((s) => s.id)).toEqual(stores.map((s) => s.id));
    expect(none.every((s) => s.distanceM === null)).toBe(true);
  });

  it('breaks equal distances by the given order', () => {
    const twins = [
      { id: 'b', lat: 31, lng: 121 },
      { id: 'a', lat: 31, lng: 121 },
    ];
    expect(nearestFirst(twins, { lat: 30, lng: 121 }).map((s) => s.id)).toEqual(['b', 'a']);
  });
});

describe('codes and formatting', () => {
  it.each([
    ['12345678', true],
    ['00000000', true],
    ['1234567', false],
    ['123456789', false],
    ['1234567a', false],
    [' 12345678', false],
  ])('isPickupCode(%j) = %s', (code, ok) => expect(isPickupCode(code)).toBe(ok));

  it('groups a code in fours, and shows distances in m or km', () => {
    expect(groupCode('12345678')).toBe('1234 5678');
    expect(formatDistance(850)).toBe('850 m');
    expect(formatDistance(1234)).toBe('1.2 km');
  });

  it('round-trips coordinates through micro-degrees', () => {
    expect(fromMicro(toMicro(121.4737))).toBe(121.4737);
    expect(toMicro(-33.8688)).toBe(-33868800);
  });
});

describe('PICKUP_STATE_OF', () => {
  it('names a pickup state for every status a pickup order can be in', () => {
    for (const s of statesOf('pickup')) expect([s, PICKUP_STATE_OF[s]]).toEqual([s, expect.any(String)]);
  });

  it('keeps the code open until the goods are collected or the order closed', () => {
    expect(['awaiting_payment', 'ready', 'on_hold'].every((s) => isOpenState(s as never))).toBe(true);
    expect(isOpenState('collected') || isOpenState('closed')).toBe(false);
  });
});
