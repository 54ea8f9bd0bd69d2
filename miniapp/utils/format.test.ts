import { formatCountdown, formatDateTimeCn } from './format';

describe('order time formatting', () => {
  it('shows instants in Asia/Shanghai', () => {
    expect(formatDateTimeCn('2025-11-22T16:03:05.000Z')).toBe('2025-11-23 00:03:05');
    expect(formatDateTimeCn(null)).toBe('');
    expect(formatDateTimeCn('not a date')).toBe('');
  });

  it('counts down in mm:ss, hours when needed, never below zero', () => {
    expect(formatCountdown(15 * 60 * 1000)).toBe('15:00');
    expect(formatCountdown(59_999)).toBe('00:59');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5000)).toBe('00:00');
  });
});
