import { decideConsent, eventKeys, TEMPLATE_ID } from './rules';

describe('subscribe consent', () => {
  const configured = ['tmpl-points', 'tmpl-coupon', ''];
  it.each([
    [{ 'tmpl-points': 'accept' }, { accepted: ['tmpl-points'], unknown: null }],
    [{ 'tmpl-points': 'accept', 'tmpl-coupon': 'accept' }, { accepted: ['tmpl-points', 'tmpl-coupon'], unknown: null }],
    [{ 'tmpl-points': 'reject', 'tmpl-coupon': 'ban' }, { accepted: [], unknown: null }],
    [{ 'tmpl-coupon': 'filter' }, { accepted: [], unknown: null }],
    [{}, { accepted: [], unknown: null }],
    // One unknown id refuses the whole answer (nothing half-recorded).
    [{ 'tmpl-points': 'accept', 'tmpl-other': 'accept' }, { accepted: [], unknown: 'tmpl-other' }],
    // An unset template (empty id in the config) is never a known one.
    [{ '': 'accept' }, { accepted: [], unknown: '' }],
  ] as const)('%j → %j', (results, expected) => {
    expect(decideConsent(results, configured)).toEqual(expected);
  });

  it('keys one send per member and event', () => {
    expect(eventKeys.pointsExpiring('2027-01-01T15:59:59.999Z')).toBe('points-expiring:2027-01-01T15:59:59.999Z');
    expect(eventKeys.couponPushed(42)).toBe('coupon-pushed:42');
    expect(eventKeys.pointsExpiring('2027-01-01T15:59:59.999Z').length).toBeLessThanOrEqual(80);
  });

  it('accepts template ids as WeChat issues them', () => {
    expect(TEMPLATE_ID.test('bDmywsp2oEHjwAadTGKkUHpzvRzM4I6NEm1RrzWw7l8')).toBe(true);
    expect(TEMPLATE_ID.test('has space')).toBe(false);
    expect(TEMPLATE_ID.test('x'.repeat(65))).toBe(false);
  });
});
