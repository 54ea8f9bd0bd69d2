import type { PointsEntryDto } from '@common/membership/types';
import { entryFigure } from './ledger/entry-view';
import { monthCells } from './signin/calendar';

const entry = (over: Partial<PointsEntryDto>): PointsEntryDto => ({
  id: 1, kind: 'grant', reason: 'x', points: 10, balanceDelta: 0, pendingDelta: 0, debtDelta: 0, createdAt: '2026-11-27T00:00:00.000Z', ...over,
});

describe('积分明细 figures', () => {
  it.each([
    [{ kind: 'earn', pendingDelta: 120 }, '+120', 'pending', '待入账'],
    [{ kind: 'void', pendingDelta: -40 }, '-40', 'pending', '待入账扣回'],
    [{ kind: 'confirm', balanceDelta: 80, pendingDelta: -80 }, '+80', 'plus', null],
    [{ kind: 'confirm', balanceDelta: 30, pendingDelta: -80, debtDelta: -50 }, '+30', 'plus', '抵还欠分 50'],
    [{ kind: 'spend', balanceDelta: -300 }, '-300', 'minus', null],
    [{ kind: 'clawback', balanceDelta: -20, debtDelta: 30 }, '-20', 'minus', '欠分 30'],
  ] as const)('%j → %s (%s, %s)', (over, text, tone, tag) => {
    expect(entryFigure(entry(over as Partial<PointsEntryDto>))).toEqual({ text, tone, tag });
  });
});

describe('签到 calendar', () => {
  it('pads the first week to Monday and lists every day of the month', () => {
    const cells = monthCells('2026-11'); // 1 November 2026 is a Sunday
    expect(cells.slice(0, 7)).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(cells.filter(Boolean)).toHaveLength(30);
    expect(monthCells('2028-02').filter(Boolean).pop()).toBe('2028-02-29');
    expect(monthCells('2027-02').filter(Boolean).pop()).toBe('2027-02-28');
  });
});
