import { maskPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    [' 138 0013 8000 ', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['+86 199 0000 0001', '19900000001'],
  ])('%s → %s', (input, out) => expect(normalizePhone(input)).toBe(out));

  it.each(['', '1380013800', '138001380001', '12800138000', '23800138000', '+1 415 555 0100', '1380013800a', '+8513800138000'])('refuses %j', (input) =>
    expect(normalizePhone(input)).toBeNull(),
  );
});

describe('maskPhone', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['19900000001', '199****0001'],
    ['12345', '*****'],
  ])('%s → %s', (input, out) => expect(maskPhone(input)).toBe(out));
});
