import { combinations, matrixRows, type SkuRow } from './skuMatrix';

const row = (specs: Record<string, string>, extra: Partial<SkuRow> = {}): SkuRow => ({ specs, priceYuan: '10', originalYuan: '', stock: 5, status: 'on_sale', ...extra });

test('combinations cross every spec value in entry order; no specs is one default SKU', () => {
  expect(combinations([])).toEqual([{}]);
  expect(
    combinations([
      { name: '颜色', values: ['白', '黑'] },
      { name: '尺码', values: ['M', 'L'] },
    ]),
  ).toEqual([
    { 颜色: '白', 尺码: 'M' },
    { 颜色: '白', 尺码: 'L' },
    { 颜色: '黑', 尺码: 'M' },
    { 颜色: '黑', 尺码: 'L' },
  ]);
});

test('a new value adds rows priced like the first, keeps typed rows, and never drops a saved SKU', () => {
  const before = [row({ 颜色: '白' }, { id: 7, priceYuan: '59.9' }), row({ 颜色: '黑' }, { priceYuan: '61' })];
  const after = matrixRows([{ name: '颜色', values: ['黑', '红'] }], before);
  expect(after).toEqual([
    row({ 颜色: '黑' }, { priceYuan: '61' }),
    { specs: { 颜色: '红' }, priceYuan: '59.9', originalYuan: '', stock: null, status: 'on_sale' },
    // 白 is saved (id 7): it stays listed so the API, not the page, decides whether it may go.
    row({ 颜色: '白' }, { id: 7, priceYuan: '59.9' }),
  ]);
});
