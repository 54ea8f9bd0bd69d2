import { addFollowsScan, attributeSale, decidePosting, doublePointsApply, prorateBack, returnAllowed, saleAmountsProblem } from './rules';
import { canonicalJson, canonicalRequest, checkSignedHeaders } from './signature';

const T = (iso: string) => new Date(iso);

describe('receipt idempotency', () => {
  it.each([
    [null, 'a', 'new'],
    ['a', 'a', 'replay'],
    ['a', 'b', 'conflict'],
  ] as const)('existing %s, posted %s → %s', (existing, posted, want) => expect(decidePosting(existing, posted)).toBe(want));
});

describe('sale amounts', () => {
  const line = { title: 'T', quantity: 2, unitFen: 500, amountFen: 1000 };
  it.each([
    [{ lines: [line], totalFen: 1000, discountFen: 100, payableFen: 900 }, null],
    [{ lines: [{ ...line, amountFen: 1001 }], totalFen: 1001, discountFen: 0, payableFen: 1001 }, 'lines.0.amountFen'],
    [{ lines: [line], totalFen: 999, discountFen: 0, payableFen: 999 }, 'totalFen'],
    [{ lines: [line], totalFen: 1000, discountFen: 0, payableFen: 900 }, 'payableFen'],
    [{ lines: [line], totalFen: 1000, discountFen: 1001, payableFen: -1 }, 'payableFen'],
  ])('%j → %s', (sale, field) => expect(saleAmountsProblem(sale)).toBe(field));
});

describe('return limits', () => {
  it.each([
    [1000, 0, 1000, true],
    [1000, 400, 600, true],
    [1000, 400, 601, false],
    [1000, 0, 0, false],
  ])('payable %i, returned %i, return %i → %s', (p, r, a, ok) => expect(returnAllowed(p, r, a)).toBe(ok));

  it('prorated parts add up to what was earned', () => {
    const parts = [333, 333, 334].reduce<{ before: number; sum: number }>((acc, fen) => ({ before: acc.before + fen, sum: acc.sum + prorateBack(100, 1000, acc.before, fen) }), { before: 0, sum: 0 });
    expect(parts.sum).toBe(100);
    expect(prorateBack(0, 1000, 0, 1000)).toBe(0);
  });
});

describe('双倍积分', () => {
  const base = { enabled: true, saleStoreId: 1, now: T('2026-12-03T10:30:00Z'), scans: [T('2026-12-03T10:00:00Z')], add: { addedAt: T('2026-12-03T10:20:00Z'), storeId: 1 } };
  it.each([
    ['applies: scan, add 20 min later, sale after', base, true],
    ['offer off', { ...base, enabled: false }, false],
    ['no add', { ...base, add: null }, false],
    ['guide of another store', { ...base, add: { ...base.add, storeId: 2 } }, false],
    ['add in the same whole second as the scan (WeCom reports seconds)', { ...base, scans: [T('2026-12-03T10:20:00.700Z')] }, true],
    ['add before any scan', { ...base, scans: [T('2026-12-03T10:25:00Z')] }, false],
    ['add 31 min after the scan', { ...base, add: { ...base.add, addedAt: T('2026-12-03T10:31:00Z') }, now: T('2026-12-03T10:40:00Z') }, false],
    ['add exactly 30 min after the scan', { ...base, add: { ...base.add, addedAt: T('2026-12-03T10:30:00Z') } }, true],
    ['sale 25 h after the add', { ...base, now: T('2026-12-04T11:21:00Z') }, false],
    ['add after the sale was posted', { ...base, now: T('2026-12-03T10:10:00Z') }, false],
  ])('%s', (_name, facts, want) => expect(doublePointsApply(facts)).toBe(want));

  it('a scan leaves time to add for 30 minutes, not before it happened', () => {
    const scan = T('2026-12-03T10:00:00.400Z');
    expect(addFollowsScan(scan, T('2026-12-03T10:30:00.900Z'))).toBe(true);
    expect(addFollowsScan(scan, T('2026-12-03T10:30:01Z'))).toBe(false);
    expect(addFollowsScan(scan, T('2026-12-03T09:59:59Z'))).toBe(false);
  });
});

describe('attribution', () => {
  it('bound guide first, else the counter guide, else none', () => {
    expect(attributeSale(3, 7)).toEqual({ guideId: 3, rule: 'bound_guide' });
    expect(attributeSale(null, 7)).toEqual({ guideId: 7, rule: 'counter_guide' });
    expect(attributeSale(null, null)).toEqual({ guideId: null, rule: 'none' });
  });
});

describe('signature helpers', () => {
  it('canonical request joins the five parts with newlines', () => {
    expect(canonicalRequest({ method: 'post', pathWithQuery: '/api/pos/sales?a=1', timestamp: '1', nonce: 'n', bodySha256Hex: 'h' })).toBe('POST\n/api/pos/sales?a=1\n1\nn\nh');
  });
  it('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: 'x' }] })).toBe('{"a":[{"b":"x","d":2}],"b":1}');
  });
  const ok = { key: 'pk_0123456789abcdef', timestamp: '1764000000', nonce: 'n0123456789abcdef', signature: 'a'.repeat(64) };
  it.each([
    ['complete and in the window', ok, 1764000000_000, null],
    ['missing nonce', { ...ok, nonce: undefined }, 1764000000_000, 'POS_SIGNATURE_MISSING'],
    ['short nonce', { ...ok, nonce: 'abc' }, 1764000000_000, 'POS_SIGNATURE_INVALID'],
    ['upper-case signature', { ...ok, signature: 'A'.repeat(64) }, 1764000000_000, 'POS_SIGNATURE_INVALID'],
    ['300 s late is still in', ok, 1764000300_000, null],
    ['301 s late', ok, 1764000301_000, 'POS_TIMESTAMP_STALE'],
    ['301 s early', ok, 1763999699_000, 'POS_TIMESTAMP_STALE'],
  ] as const)('%s', (_n, h, now, want) => expect(checkSignedHeaders(h, now)).toBe(want));
});
