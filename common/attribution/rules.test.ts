import { attributeOrder, type Binding, decideBinding, DEFAULT_RULES, type GuideState, invalidRuleField, refuseGuideToken, sharingTouch, type TouchFact, touchHourBucket } from './rules';

const T0 = new Date('2026-03-01T00:00:00Z');
const at = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const days = (d: number) => at(d * 24);
const guides: Record<number, GuideState> = {
  1: { id: 1, status: 'active', leftAt: null },
  2: { id: 2, status: 'active', leftAt: null },
  3: { id: 3, status: 'left', leftAt: at(-1) },
};
const guideOf = (id: number) => guides[id] ?? null;
const R = DEFAULT_RULES;

describe('refuseGuideToken', () => {
  test.each([
    ['fresh token of an active guide', T0, 1, at(1), null],
    ['89 days old', T0, 1, days(89), null],
    ['exactly 90 days old still counts', T0, 1, days(90), null],
    ['90 days and a millisecond', T0, 1, new Date(days(90).getTime() + 1), 'expired'],
    ['issued 4 minutes in the future (clock skew)', at(0.066), 1, T0, null],
    ['issued an hour in the future', at(1), 1, T0, 'issued_in_future'],
    ['guide who left', T0, 3, at(1), 'guide_left'],
    ['unknown guide', T0, 99, at(1), 'unknown_guide'],
  ] as const)('%s', (_n, issued, guideId, now, expected) => {
    expect(refuseGuideToken(issued, guideOf(guideId), now, R)).toBe(expected);
  });
});

describe('decideBinding', () => {
  const touch = (guideId: number, when: Date) => ({ kind: 'touch' as const, guideId, at: when });
  const bound = (guideId: number, boundAt: Date, source: Binding['source'] = 'touch'): Binding => ({ guideId, boundAt, source });
  test.each([
    ['no guide yet: the touch binds', null, touch(1, T0), T0, { action: 'bind', guideId: 1, reason: 'first' }],
    ['same guide renews', bound(1, T0), touch(1, days(10)), days(10), { action: 'bind', guideId: 1, reason: 'renewed' }],
    ['two guides on one day: the first keeps the shopper', bound(1, at(9)), touch(2, at(15)), at(15), { action: 'keep', reason: 'protected' }],
    ['one millisecond before the period ends: protected', bound(1, T0), touch(2, new Date(days(30).getTime() - 1)), new Date(days(30).getTime() - 1), { action: 'keep', reason: 'protected' }],
    ['at the exact end of the period: the new touch rebinds', bound(1, T0), touch(2, days(30)), days(30), { action: 'bind', guideId: 2, reason: 'protection_over' }],
    ['bound guide left: another guide takes over at once', bound(3, at(-2)), touch(1, T0), T0, { action: 'bind', guideId: 1, reason: 'previous_left' }],
    ['a guide who left binds no one', null, touch(3, T0), T0, { action: 'keep', reason: 'signal_guide_left' }],
    ['WeCom add overrides a card binding inside the period', bound(1, T0), { kind: 'wecom_add' as const, guideId: 2, at: at(1) }, at(1), { action: 'bind', guideId: 2, source: 'wecom', reason: 'wecom_add' }],
    ['a WeCom contact is not taken by a card even after the period', bound(1, T0, 'wecom'), touch(2, days(60)), days(60), { action: 'keep', reason: 'wecom_contact' }],
    ['a card of the WeCom guide keeps the wecom source', bound(1, T0, 'wecom'), touch(1, days(1)), days(1), { action: 'bind', guideId: 1, source: 'wecom', reason: 'renewed' }],
  ] as const)('%s', (_n, current, signal, now, expected) => {
    expect(decideBinding(current, signal, guideOf, now, R)).toMatchObject(expected);
  });

  test('a shorter protection period changes the outcome', () => {
    expect(decideBinding(bound(1, T0), touch(2, days(8)), guideOf, days(8), { ...R, protectionDays: 7 })).toMatchObject({ action: 'bind', guideId: 2 });
  });
});

describe('touches', () => {
  const t = (id: number, guideId: number, when: Date, tokenId = `tok${id}`): TouchFact => ({ id, guideId, at: when, scene: 1008, groupChatId: null, tokenId });
  test('hour buckets: same clock hour dedups, the next hour does not', () => {
    expect(touchHourBucket(at(0.99))).toBe(touchHourBucket(at(0)));
    expect(touchHourBucket(at(1))).toBe(touchHourBucket(at(0)) + 1);
  });
  test.each([
    ['latest within 72 h wins', [t(1, 1, at(0)), t(2, 2, at(10))], at(20), 2],
    ['exactly 72 h ago still counts', [t(1, 1, at(0))], at(72), 1],
    ['older than 72 h is ignored', [t(1, 1, at(0))], new Date(at(72).getTime() + 1), null],
    ['a touch after now (clock) is ignored', [t(1, 1, at(30))], at(20), null],
    ['a guide who left is skipped', [t(1, 1, at(0)), t(2, 3, at(10))], at(20), 1],
  ] as const)('sharingTouch: %s', (_n, touches, now, expected) => {
    expect(sharingTouch(touches, guideOf, now, R)?.id ?? null).toBe(expected);
  });

  test('an order belongs to the bound guide; the sharing guide and its evidence are recorded', () => {
    const d = attributeOrder({ guideId: 1, boundAt: at(0), source: 'touch' }, [t(1, 1, at(0)), { ...t(2, 2, at(5)), groupChatId: 'wrOgQhDgAA' }], guideOf, at(6), R);
    expect(d).toEqual({
      guideId: 1,
      boundGuideId: 1,
      sharingGuideId: 2,
      groupChatId: 'wrOgQhDgAA',
      evidence: { tokenId: 'tok2', scene: 1008, touchAt: at(5).toISOString(), ruleVersion: 1, reason: 'bound_touch' },
    });
  });
  test('with a bound guide who left, the order goes to the sharing guide', () => {
    expect(attributeOrder({ guideId: 3, boundAt: at(0), source: 'touch' }, [t(1, 2, at(1))], guideOf, at(2), R)).toMatchObject({ guideId: 2, boundGuideId: null, evidence: { reason: 'sharing_touch' } });
  });
  test('no binding, no touch: nobody', () => {
    expect(attributeOrder(null, [], guideOf, at(2), R)).toMatchObject({ guideId: null, sharingGuideId: null, evidence: { tokenId: null, reason: 'none' } });
  });
});

test.each([
  [{ protectionDays: 0 }, null],
  [{ protectionDays: 366 }, 'protectionDays'],
  [{ sharingWindowHours: 0 }, 'sharingWindowHours'],
  [{ sharingWindowHours: 1.5 }, 'sharingWindowHours'],
  [{ tokenMaxAgeDays: 365 }, null],
])('invalidRuleField(%j) = %s', (r, expected) => {
  expect(invalidRuleField(r)).toBe(expected);
});
