import { highValueRank, manualTagProblem, tagsOf, type TagInputs } from './tags';

/** 2026-06-30 10:00 Shanghai. */
const NOW = new Date('2026-06-30T02:00:00Z');
const base: TagInputs = { registeredAt: new Date('2025-01-01T00:00:00Z'), lastPaidAt: null, lastVisitDay: null, promoOrders: 0, monetaryFen: 0 };
const tags = (over: Partial<TagInputs>, highValueFen: number | null = null) => tagsOf({ ...base, ...over }, highValueFen, NOW);

describe('沉睡用户: no visit and no order in 30 Shanghai days', () => {
  it.each([
    // The 30 days are 2026-06-01 … 2026-06-30 (Shanghai).
    [{ lastVisitDay: '2026-06-01' }, false],
    [{ lastVisitDay: '2026-05-31' }, true],
    // Paid 2026-06-01 00:00 Shanghai (= 05-31 16:00 UTC): inside.
    [{ lastPaidAt: new Date('2026-05-31T16:00:00.000Z') }, false],
    // Paid 2026-05-31 23:59:59.999 Shanghai: outside.
    [{ lastPaidAt: new Date('2026-05-31T15:59:59.999Z') }, true],
    [{ lastVisitDay: '2026-05-01', lastPaidAt: new Date('2026-06-10T00:00:00Z') }, false],
    [{}, true],
    // Registered recently and never seen since: not asleep yet.
    [{ registeredAt: new Date('2026-06-15T00:00:00Z') }, false],
  ] as [Partial<TagInputs>, boolean][])('%j → %p', (over, dormant) => expect(tags(over).includes('dormant')).toBe(dormant));
});

describe('促销敏感型, 新客 and 高净值', () => {
  it.each([
    [2, false],
    [3, true],
    [9, true],
  ])('%i group-buy or coupon orders → %p', (promoOrders, yes) => expect(tags({ promoOrders }).includes('promo_sensitive')).toBe(yes));

  it.each([
    // Registered 2026-06-01 00:00 Shanghai: day 30 of 30, still new.
    [new Date('2026-05-31T16:00:00.000Z'), true],
    [new Date('2026-05-31T15:59:59.999Z'), false],
    [new Date('2026-06-30T01:00:00Z'), true],
  ])('registered %s → 新客 %p', (registeredAt, yes) => expect(tags({ registeredAt }).includes('new')).toBe(yes));

  it.each([
    [50_000, 50_000, true],
    [49_999, 50_000, false],
    [0, 0, false],
    [10, null, false],
  ])('M %i with the cut at %p → 高净值 %p', (monetaryFen, cut, yes) => expect(tags({ monetaryFen }, cut).includes('high_value')).toBe(yes));

  it.each([
    [0, 1],
    [1, 1],
    [20, 1],
    [21, 2],
    [200_000, 10_000],
  ])('%i members with M → the cut is the M at rank %i', (n, rank) => expect(highValueRank(n)).toBe(rank));

  it('returns tags in a fixed order', () => {
    expect(tags({ registeredAt: new Date('2026-06-29T00:00:00Z'), promoOrders: 3, monetaryFen: 9 }, 9)).toEqual(['promo_sensitive', 'new', 'high_value']);
  });
});

describe('manual tags', () => {
  it.each([
    ['VIP', null],
    ['  ', '请填写标签'],
    ['一二三四五六七八九十一二', null],
    ['一二三四五六七八九十一二三', '标签最多 12 个字'],
    ['高净值', '该标签由系统按规则计算，不能手动添加'],
  ])('%j → %p', (tag, problem) => expect(manualTagProblem(tag)).toBe(problem));
});
