import { effectiveThresholds, median, recencyDays, rfmInputsOf, segmentOf, windowStart, type RfmThresholds } from './rfm';

const T: RfmThresholds = { recencyDays: 30, frequency: 2, monetaryFen: 10_000 };
/** 2026-06-30 00:00 Shanghai is 2026-06-29T16:00Z. */
const NOW = new Date('2026-06-30T04:00:00Z');
const at = (iso: string) => new Date(iso);

describe('recency in Shanghai days', () => {
  it.each([
    ['2026-06-30T03:00:00Z', 0],
    // 2026-06-29 23:59:59.999 Shanghai: the day before, 1 day.
    ['2026-06-29T15:59:59.999Z', 1],
    // 2026-06-30 00:00 Shanghai: today.
    ['2026-06-29T16:00:00.000Z', 0],
    ['2026-05-31T16:00:00.000Z', 29],
    ['2026-05-30T16:00:00.000Z', 30],
    ['2026-05-30T15:59:59.999Z', 31],
  ])('paid at %s → %i days', (paid, days) => expect(recencyDays(at(paid), NOW)).toBe(days));

  it('the window is the 365 Shanghai days ending today, starting at Shanghai midnight', () => {
    // 2025-07-01 … 2026-06-30: 365 days.
    expect(windowStart(NOW).toISOString()).toBe('2025-06-30T16:00:00.000Z');
  });
});

describe('segments', () => {
  const recent = at('2026-05-31T16:00:00Z'); // 29 days: recent
  const edge = at('2026-05-30T16:00:00Z'); // 30 days: still recent (at most the threshold)
  const old = at('2026-05-30T15:59:59Z'); // 31 days
  it.each([
    [recent, 2, 10_000, 'important_value'],
    [edge, 5, 20_000, 'important_value'],
    [recent, 1, 10_000, 'important_develop'],
    [old, 2, 10_000, 'important_keep'],
    [old, 1, 10_000, 'important_retain'],
    [recent, 2, 9_999, 'general_value'],
    [recent, 1, 9_999, 'general_develop'],
    [old, 3, 0, 'general_keep'],
    [old, 0, 0, 'general_retain'],
  ] as const)('last paid %s, F %i, M %i → %s', (lastPaidAt, frequency, monetaryFen, seg) => expect(segmentOf({ lastPaidAt, frequency, monetaryFen }, T, NOW)).toBe(seg));

  it('no paid order at all is 潜在用户', () => expect(segmentOf({ lastPaidAt: null, frequency: 0, monetaryFen: 0 }, T, NOW)).toBe('potential'));

  it('a refund that lowers M below the threshold moves the member from 重要 to 一般', () => {
    const before = segmentOf({ lastPaidAt: recent, frequency: 2, monetaryFen: 12_000 }, T, NOW);
    const after = segmentOf({ lastPaidAt: recent, frequency: 2, monetaryFen: 12_000 - 2_001 }, T, NOW);
    expect([before, after]).toEqual(['important_value', 'general_value']);
  });
});

describe('thresholds', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[1, 2, 3, 10], 2],
    [[1, 2], 1],
    [[0, 0, 7], 0],
  ])('median of %j → %p', (values, m) => expect(median(values)).toBe(m));

  it('HQ values win over the medians, medians over the fallback; F and M never below 1', () => {
    expect(effectiveThresholds({}, {})).toEqual({ recencyDays: 30, frequency: 2, monetaryFen: 20_000 });
    expect(effectiveThresholds({}, { recencyDays: 12, frequency: 0, monetaryFen: 0 })).toEqual({ recencyDays: 12, frequency: 1, monetaryFen: 1 });
    expect(effectiveThresholds({ frequency: 4 }, { recencyDays: 12, frequency: 1, monetaryFen: 500 })).toEqual({ recencyDays: 12, frequency: 4, monetaryFen: 500 });
  });
});

describe('R, F and M from paid orders', () => {
  const o = (paidAt: string, payableFen: number, refundedFen = 0, promo = false) => ({ paidAt: at(paidAt), payableFen, refundedFen, promo });
  it('counts the window from Shanghai midnight 364 days back, refunds lowering M, wholly refunded orders not at all', () => {
    const orders = [
      o('2025-06-30T16:00:00.000Z', 1_000), // 2025-07-01 00:00 Shanghai: first day of the window
      o('2025-06-30T15:59:59.999Z', 5_000, 0, true), // the day before: outside F and M, still the promo count
      o('2026-06-01T00:00:00Z', 3_000, 1_200, true), // partly refunded: keeps 1,800
      o('2026-06-29T00:00:00Z', 2_000, 2_000, true), // wholly refunded: nothing
    ];
    expect(rfmInputsOf(orders, NOW)).toEqual({ lastPaidAt: at('2026-06-01T00:00:00Z'), frequency: 2, monetaryFen: 2_800, promoOrders: 2 });
  });
  it('a member whose only order was wholly refunded has no paid order', () => {
    expect(rfmInputsOf([o('2026-06-29T00:00:00Z', 2_000, 2_000)], NOW)).toEqual({ lastPaidAt: null, frequency: 0, monetaryFen: 0, promoOrders: 0 });
  });
});
