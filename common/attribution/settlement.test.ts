import { beijingMonth, CSV_BOM, csvLine, settlementEffect, settlementRow, settlementTotal } from './settlement';

test('a Beijing month is [day 1 00:00 +08:00, next month) in UTC, December rolling into January', () => {
  expect(beijingMonth('2026-03')).toEqual({ from: new Date('2026-02-28T16:00:00Z'), to: new Date('2026-03-31T16:00:00Z') });
  expect(beijingMonth('2026-12')!.to).toEqual(new Date('2026-12-31T16:00:00Z'));
  for (const bad of ['2026-13', '2026-00', '2026-3', '26-03', '2026-03-01', '']) expect(beijingMonth(bad)).toBeNull();
});

test('only released commission and its reversals are payable', () => {
  expect(settlementEffect('released', 500)).toBe(500);
  expect(settlementEffect('reversed_released', 120)).toBe(-120);
  expect(settlementEffect('held', 500)).toBe(0);
  expect(settlementEffect('reversed_held', 80)).toBe(0);
});

test('CSV fields are quoted when needed and formulas stay text', () => {
  expect(csvLine(['a', 1, '2.00'])).toBe('a,1,2.00\r\n');
  expect(csvLine(['王,芳', 'say "hi"', 'x\ny'])).toBe('"王,芳","say ""hi""","x\ny"\r\n');
  expect(csvLine(['=HYPERLINK("x")', '+1', '@a'])).toBe(`"'=HYPERLINK(""x"")",'+1,'@a\r\n`);
  // Amounts, negative ones too, are not treated as formulas.
  expect(csvLine([-1, '-0.50'])).toBe('-1,-0.50\r\n');
  expect(CSV_BOM.charCodeAt(0)).toBe(0xfeff);
});

test('a settlement row shows the change signed, in yuan, and what it adds to the payable', () => {
  expect(settlementRow({ orderNo: 'LM1', orderId: 1, kind: 'released', amountFen: 1234 }, '2026-03-01 10:00:00')).toBe('2026-03-01 10:00:00,LM1,确认收货释放,12.34,12.34\r\n');
  expect(settlementRow({ orderNo: null, orderId: 7, kind: 'reversed_released', amountFen: 50 }, 't')).toBe('t,#7,退款冲回（已释放）,-0.50,-0.50\r\n');
  expect(settlementRow({ orderNo: 'LM2', orderId: 2, kind: 'held', amountFen: 300 }, 't')).toBe('t,LM2,计提（冻结）,3.00,0.00\r\n');
  expect(settlementTotal('2026-03', '王芳', 1184)).toBe('2026-03 合计,王芳,应结算佣金,,11.84\r\n');
});
