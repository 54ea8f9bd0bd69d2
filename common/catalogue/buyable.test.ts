import { buyProblem } from './buyable';

describe('buyProblem', () => {
  const onSale = { status: 'on_sale' as const };
  it.each([
    ['missing SKU', onSale, null, 1, 'not_found'],
    ['missing product', null, { status: 'on_sale', stock: 5 }, 1, 'not_found'],
    ['draft product', { status: 'draft' }, { status: 'on_sale', stock: 5 }, 1, 'not_found'],
    ['product off sale', { status: 'off_sale' }, { status: 'on_sale', stock: 5 }, 1, 'off_sale'],
    ['SKU off sale', onSale, { status: 'off_sale', stock: 5 }, 1, 'off_sale'],
    ['no stock', onSale, { status: 'on_sale', stock: 0 }, 1, 'out_of_stock'],
    ['less than asked', onSale, { status: 'on_sale', stock: 2 }, 3, 'insufficient_stock'],
    ['exactly the stock', onSale, { status: 'on_sale', stock: 3 }, 3, null],
    ['plenty', onSale, { status: 'on_sale', stock: 99 }, 1, null],
  ] as const)('%s', (_name, product, sku, quantity, expected) => {
    expect(buyProblem(product as never, sku as never, quantity)).toBe(expected);
  });
});
