import { fieldPath } from './field-path';

test("an API field becomes the form's name path: indexes as numbers, fen fields renamed, emptied segments dropped", () => {
  expect(fieldPath('title')).toEqual(['title']);
  expect(fieldPath('skus.0.priceFen', { priceFen: 'priceYuan' })).toEqual(['skus', 0, 'priceYuan']);
  expect(fieldPath('validity.days', { validity: '' })).toEqual(['days']);
  expect(fieldPath('images.10')).toEqual(['images', 10]);
  expect(fieldPath('body.username')).toEqual(['username']);
  expect(fieldPath('body.tiers.1.minGrowth')).toEqual(['tiers', 1, 'minGrowth']);
});
