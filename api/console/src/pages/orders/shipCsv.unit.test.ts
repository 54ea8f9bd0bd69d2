import { parseShipCsv, splitCsvLine } from './shipCsv';

test('a header, codes and names of carriers, quotes and a BOM', () => {
  const rows = parseShipCsv('\uFEFF订单号,快递公司,运单号\r\nLM1,SF,SF123456\n"LM2",顺丰速运,"YT-1"\n\n');
  expect(rows).toEqual([
    { line: 2, orderNo: 'LM1', carrier: 'SF', trackingNo: 'SF123456', error: null },
    { line: 3, orderNo: 'LM2', carrier: 'SF', trackingNo: 'YT-1', error: null },
  ]);
});

test('each bad row says why, with its own line number', () => {
  const rows = parseShipCsv(['LM1,XX,123', ',SF,1', 'LM3,,1', 'LM4,ZTO,', 'LM5,ZTO,a b', 'LM6,zto,ABC', 'LM6,ZTO,DEF'].join('\n'));
  expect(rows.map((r) => [r.line, r.error])).toEqual([
    [1, '不支持的快递公司「XX」'],
    [2, '缺少订单号'],
    [3, '缺少快递公司'],
    [4, '缺少运单号'],
    [5, '运单号只能包含字母、数字和短横线（最多 64 位）'],
    [6, null],
    [7, '与第 6 行订单号重复'],
  ]);
  expect(rows[5].carrier).toBe('ZTO');
});

test('quoted cells keep commas and doubled quotes', () => {
  expect(splitCsvLine('"a,b","say ""hi""", c ')).toEqual(['a,b', 'say "hi"', 'c']);
});
