import { checkSkuSpecs, checkSpecDefs, initialSelection, pickSku, specKey, specLabel, type PickableSku } from './sku';
import type { SpecDef } from './types';

const defs: SpecDef[] = [
  { name: '颜色', values: ['白色', '黑色', '灰色'] },
  { name: '尺码', values: ['S', 'M', 'L'] },
];

let nextId = 1;
const sku = (颜色: string, 尺码: string, stock: number, status: PickableSku['status'] = 'on_sale'): PickableSku => ({
  id: nextId++,
  specs: { 颜色, 尺码 },
  stock,
  status,
});

describe('specKey / specLabel', () => {
  it('is independent of key order', () => {
    expect(specKey({ 颜色: '白色', 尺码: 'M' })).toBe(specKey({ 尺码: 'M', 颜色: '白色' }));
    expect(specKey({ 颜色: '白色', 尺码: 'M' })).not.toBe(specKey({ 颜色: '白色', 尺码: 'L' }));
  });

  it('labels in the product order', () => {
    expect(specLabel(defs, { 尺码: 'M', 颜色: '白色' })).toBe('白色 / M');
  });
});

describe('checkSkuSpecs', () => {
  it('accepts SKUs that name every dimension with allowed values', () => {
    expect(checkSkuSpecs(defs, [{ 颜色: '白色', 尺码: 'S' }, { 颜色: '黑色', 尺码: 'S' }])).toEqual({ ok: true });
    expect(checkSkuSpecs([], [{}])).toEqual({ ok: true });
  });

  it('refuses missing, extra and unknown values', () => {
    expect(checkSkuSpecs(defs, [{ 颜色: '白色' }])).toMatchObject({ ok: false, code: 'SKU_SPEC_INVALID' });
    expect(checkSkuSpecs(defs, [{ 颜色: '白色', 尺码: 'S', 款式: '宽松' }])).toMatchObject({ ok: false, code: 'SKU_SPEC_INVALID' });
    expect(checkSkuSpecs(defs, [{ 颜色: '紫色', 尺码: 'S' }])).toMatchObject({ ok: false, code: 'SKU_SPEC_INVALID' });
  });

  it('refuses a duplicated combination, and a second SKU on a product without specs', () => {
    expect(checkSkuSpecs(defs, [{ 颜色: '白色', 尺码: 'S' }, { 尺码: 'S', 颜色: '白色' }])).toMatchObject({ code: 'SKU_SPEC_DUPLICATE' });
    expect(checkSkuSpecs([], [{}, {}])).toMatchObject({ code: 'SKU_SPEC_DUPLICATE' });
  });

  it('refuses broken spec definitions', () => {
    expect(checkSpecDefs([{ name: '颜色', values: [] }])).toMatchObject({ ok: false });
    expect(checkSpecDefs([{ name: '颜色', values: ['白色', '白色'] }])).toMatchObject({ ok: false });
    expect(checkSpecDefs([{ name: '颜色', values: ['白色'] }, { name: '颜色', values: ['黑色'] }])).toMatchObject({ ok: false });
    expect(checkSpecDefs([{ name: ' ', values: ['白色'] }])).toMatchObject({ ok: false });
  });
});

describe('pickSku', () => {
  const skus = [
    sku('白色', 'S', 3),
    sku('白色', 'M', 0), // sold out
    sku('白色', 'L', 5),
    sku('黑色', 'S', 2),
    sku('黑色', 'M', 9, 'off_sale'),
    // no 黑色/L, no 灰色 at all
  ];

  it('offers only values that lead to something buyable', () => {
    const state = pickSku(defs, skus, {});
    expect([...state.available['颜色']].sort()).toEqual(['白色', '黑色'].sort());
    expect([...state.available['尺码']].sort()).toEqual(['L', 'S']);
    expect(state.sku).toBeNull();
    expect(state.missing).toEqual(['颜色', '尺码']);
  });

  it('narrows the other dimension by the current pick', () => {
    const black = pickSku(defs, skus, { 颜色: '黑色' });
    expect([...black.available['尺码']]).toEqual(['S']);
    // The colour row still shows every colour that has some buyable size.
    expect([...black.available['颜色']].sort()).toEqual(['白色', '黑色'].sort());
    const large = pickSku(defs, skus, { 尺码: 'L' });
    expect([...large.available['颜色']]).toEqual(['白色']);
  });

  it('returns the SKU of a complete selection, even a sold-out one (the page says 已售罄)', () => {
    expect(pickSku(defs, skus, { 颜色: '白色', 尺码: 'L' }).sku?.id).toBe(skus[2].id);
    expect(pickSku(defs, skus, { 颜色: '白色', 尺码: 'M' }).sku?.stock).toBe(0);
    expect(pickSku(defs, skus, { 颜色: '灰色', 尺码: 'S' }).sku).toBeNull();
  });

  it('ignores picks of values the product does not have', () => {
    expect(pickSku(defs, skus, { 颜色: '紫色', 尺码: 'S' }).missing).toEqual(['颜色']);
  });
});

describe('initialSelection', () => {
  it('pre-picks the only SKU of a product without real choices', () => {
    const single: SpecDef[] = [{ name: '规格', values: ['50ml'] }];
    expect(initialSelection(single, [{ id: 1, specs: { 规格: '50ml' }, stock: 1, status: 'on_sale' }])).toEqual({ 规格: '50ml' });
    expect(initialSelection([], [{ id: 1, specs: {}, stock: 1, status: 'on_sale' }])).toEqual({});
  });

  it('leaves a real choice to the shopper', () => {
    expect(initialSelection(defs, [sku('白色', 'S', 1)])).toEqual({});
  });
});
