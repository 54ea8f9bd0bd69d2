import type { CartDto } from '@common/cart/types';
import { MAX_LINE_QUANTITY } from '@common/order/pricing';
import { createCategory, createProduct, TEE_SPECS } from '../../../test/fixtures';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { cartOf, createSku, ok } from '../../../test/shopping';
import { MAX_CART_LINES } from './cart.service';

describe('cart', () => {
  let app: TestApp;
  let hq: string;
  let categoryId: number;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    categoryId = await createCategory(app, hq);
  });
  afterAll(() => app.close());

  const shopper = async () => cartOf(app, (await loginShopper(app)).token);
  const expectTotals = (cart: CartDto) => {
    const buyable = cart.items.filter((i) => i.selected && !i.problem);
    expect(cart.selectedGoodsFen).toBe(buyable.reduce((s, i) => s + i.unitPriceFen * i.quantity, 0));
    expect(cart.selectedCount).toBe(buyable.length);
    expect(cart.totalQuantity).toBe(cart.items.reduce((s, i) => s + i.quantity, 0));
  };

  it('needs a shopper token: 401 without one, 403 with an HQ token', async () => {
    expect((await app.api.get('/api/cart')).status).toBe(401);
    const hqRes = await app.api.get('/api/cart', hq);
    expect(hqRes.status).toBe(403);
    expect(hqRes.body.code).toBe('FORBIDDEN');
    expect((await app.api.post('/api/cart/items', { skuId: 1, quantity: 1 }, hq)).status).toBe(403);
  });

  it('adds, merges, changes, selects and removes lines, with totals from current prices', async () => {
    const cart = await shopper();
    expect(ok(await cart.get())).toEqual({ items: [], selectedCount: 0, selectedGoodsFen: 0, totalQuantity: 0 });
    const tee = await createProduct(app, hq, {
      categoryId,
      title: '双色T恤',
      specs: TEE_SPECS,
      skus: [
        { specs: { 颜色: '白色', 尺码: 'M' }, priceFen: 6900, stock: 20 },
        { specs: { 尺码: 'L', 颜色: '黑色' }, priceFen: 5900, stock: 20 },
      ],
    });
    const [white, black] = tee.skus;
    ok(await cart.add(white.id, 2));
    let dto: CartDto = ok(await cart.add(black.id, 1));
    // Adding a SKU already in the cart adds to its quantity rather than making a second line.
    dto = ok(await cart.add(white.id, 3));
    expect(dto.items).toHaveLength(2);
    const whiteLine = dto.items.find((i) => i.skuId === white.id)!;
    expect(whiteLine).toMatchObject({
      productId: tee.id,
      title: '双色T恤',
      image: '/assets/products/test.svg',
      specs: { 颜色: '白色', 尺码: 'M' },
      specLabel: '白色 / M',
      unitPriceFen: 6900,
      quantity: 5,
      stock: 20,
      selected: true,
      problem: null,
    });
    expect(dto.items.find((i) => i.skuId === black.id)!.specLabel).toBe('黑色 / L');
    expect(dto.selectedGoodsFen).toBe(5 * 6900 + 5900);
    expectTotals(dto);

    const blackLine = dto.items.find((i) => i.skuId === black.id)!;
    dto = ok(await cart.update(blackLine.id, { quantity: 4 }));
    expect(dto.selectedGoodsFen).toBe(5 * 6900 + 4 * 5900);
    dto = ok(await cart.update(whiteLine.id, { selected: false }));
    expect(dto.selectedGoodsFen).toBe(4 * 5900);
    expect(dto.selectedCount).toBe(1);
    expect(dto.totalQuantity).toBe(9);
    expectTotals(dto);

    dto = ok(await cart.selectAll(false));
    expect(dto.items.every((i) => !i.selected)).toBe(true);
    expect(dto.selectedGoodsFen).toBe(0);
    dto = ok(await cart.selectAll(true));
    expect(dto.selectedGoodsFen).toBe(5 * 6900 + 4 * 5900);

    // The price shown is today's price, not the one at the time of adding.
    ok(await app.api.patch(`/api/hq/skus/${black.id}`, { priceFen: 4900 }, hq));
    dto = ok(await cart.get());
    expect(dto.selectedGoodsFen).toBe(5 * 6900 + 4 * 4900);

    dto = ok(await cart.remove(whiteLine.id));
    expect(dto.items.map((i) => i.skuId)).toEqual([black.id]);
    expect((await cart.remove(whiteLine.id)).status).toBe(404);
    expectTotals(dto);
  });

  it('flags lines that went off sale or out of stock, and leaves them out of the totals', async () => {
    const cart = await shopper();
    const [a, b, c, d] = [await createSku(app, hq, 1000, 5), await createSku(app, hq, 2000, 5), await createSku(app, hq, 3000, 5), await createSku(app, hq, 4000, 5)];
    for (const s of [a, b, c, d]) ok(await cart.add(s.skuId, 3));
    expect(ok<CartDto>(await cart.get()).selectedGoodsFen).toBe(3 * (1000 + 2000 + 3000 + 4000));

    ok(await app.api.patch(`/api/hq/skus/${a.skuId}`, { status: 'off_sale' }, hq));
    ok(await app.api.post(`/api/hq/skus/${b.skuId}/stock-adjustments`, { delta: -5, reason: '盘点' }, hq), 201);
    ok(await app.api.post(`/api/hq/skus/${c.skuId}/stock-adjustments`, { delta: -3, reason: '盘点' }, hq), 201);
    ok(await app.api.patch(`/api/hq/products/${d.productId}`, { status: 'off_sale' }, hq));

    const dto: CartDto = ok(await cart.get());
    const problemOf = (skuId: number) => dto.items.find((i) => i.skuId === skuId)!.problem;
    // Never silently dropped: all four lines are still there, each with its reason.
    expect(dto.items).toHaveLength(4);
    expect(problemOf(a.skuId)).toBe('off_sale');
    expect(problemOf(b.skuId)).toBe('out_of_stock');
    expect(problemOf(c.skuId)).toBe('insufficient_stock');
    expect(dto.items.find((i) => i.skuId === c.skuId)!.stock).toBe(2);
    expect(problemOf(d.skuId)).toBe('off_sale');
    expect(dto.selectedGoodsFen).toBe(0);
    expect(dto.selectedCount).toBe(0);
    expectTotals(dto);

    // Lowering the quantity to what is left clears the problem.
    const cLine = dto.items.find((i) => i.skuId === c.skuId)!;
    const fixed: CartDto = ok(await cart.update(cLine.id, { quantity: 2 }));
    expect(fixed.items.find((i) => i.id === cLine.id)!.problem).toBeNull();
    expect(fixed.selectedGoodsFen).toBe(2 * 3000);
    // Off-sale SKUs cannot be added any more.
    const refused = await cart.add(a.skuId, 1);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SKU_OFF_SALE');
  });

  it('refuses bad quantities and unknown or unbuyable SKUs, naming the field and writing nothing', async () => {
    const cart = await shopper();
    const s = await createSku(app, hq, 1500, 10);
    const draft = await createSku(app, hq, 1500, 10, { status: 'draft' });
    ok(await cart.add(s.skuId, 2));
    const before = ok(await cart.get());

    for (const [body, field] of [
      [{ skuId: s.skuId, quantity: 0 }, 'quantity'],
      [{ skuId: s.skuId, quantity: -1 }, 'quantity'],
      [{ skuId: s.skuId, quantity: 1.5 }, 'quantity'],
      [{ skuId: s.skuId, quantity: '2' }, 'quantity'],
      [{ quantity: 1 }, 'skuId'],
      [{ skuId: s.skuId, quantity: 1, priceFen: 1 }, 'priceFen'],
    ] as const) {
      const res = await app.api.post('/api/cart/items', body, (await loginShopper(app)).token);
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    }
    const over = await cart.add(s.skuId, MAX_LINE_QUANTITY + 1);
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ code: 'QUANTITY_OVER_LIMIT', field: 'quantity' });
    const tooMany = await cart.add(s.skuId, 9);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.code).toBe('OUT_OF_STOCK');
    expect((await cart.add(999_999, 1)).body.code).toBe('SKU_NOT_FOUND');
    expect((await cart.add(draft.skuId, 1)).status).toBe(404);

    const line = before.items[0];
    const patches: [unknown, string][] = [
      [{ quantity: 0 }, 'quantity'],
      [{}, 'body'],
      [{ selected: 'yes' }, 'selected'],
      [{ quantity: 1, skuId: 3 }, 'skuId'],
    ];
    for (const [body, field] of patches) {
      const res = await cart.update(line.id, body);
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    }
    expect((await cart.update(line.id, { quantity: MAX_LINE_QUANTITY + 1 })).body).toMatchObject({ code: 'QUANTITY_OVER_LIMIT', field: 'quantity' });
    expect((await cart.update(line.id, { quantity: 11 })).body.code).toBe('OUT_OF_STOCK');
    expect(ok(await cart.get())).toEqual(before);

    // A refused first add leaves no (zero-quantity) line behind; a refused top-up keeps the line as it was.
    const plenty = await createSku(app, hq, 100, 500);
    const fresh = await cartOf(app, (await loginShopper(app)).token);
    expect((await fresh.add(s.skuId, 11)).body.code).toBe('OUT_OF_STOCK');
    expect(ok<CartDto>(await fresh.get()).items).toEqual([]);
    ok(await fresh.add(plenty.skuId, MAX_LINE_QUANTITY - 1));
    expect((await fresh.add(plenty.skuId, 2)).body).toMatchObject({ code: 'QUANTITY_OVER_LIMIT', field: 'quantity' });
    expect(ok<CartDto>(await fresh.get()).items.map((i) => i.quantity)).toEqual([MAX_LINE_QUANTITY - 1]);
    expect(ok<CartDto>(await fresh.add(plenty.skuId, 1)).items.map((i) => i.quantity)).toEqual([MAX_LINE_QUANTITY]);
  });

  it('keeps one line when the same SKU is added in parallel, and never above stock', async () => {
    const cart = await shopper();
    const s = await createSku(app, hq, 990, 50);
    const results = await Promise.all(Array.from({ length: 10 }, () => cart.add(s.skuId, 1)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const dto: CartDto = ok(await cart.get());
    expect(dto.items).toHaveLength(1);
    expect(dto.items[0].quantity).toBe(10);
    expect(dto.selectedGoodsFen).toBe(9900);

    // Stock 5, twelve parallel single adds: exactly five succeed, the rest are OUT_OF_STOCK.
    const scarce = await createSku(app, hq, 100, 5);
    const raced = await Promise.all(Array.from({ length: 12 }, () => cart.add(scarce.skuId, 1)));
    expect(raced.filter((r) => r.status === 200)).toHaveLength(5);
    expect(raced.filter((r) => r.status === 409).every((r) => r.body.code === 'OUT_OF_STOCK')).toBe(true);
    expect(raced.filter((r) => r.status === 409)).toHaveLength(7);
    const after: CartDto = ok(await cart.get());
    expect(after.items.filter((i) => i.skuId === scarce.skuId).map((i) => i.quantity)).toEqual([5]);
  });

  it("answers 404 for another shopper's line and changes nothing", async () => {
    const alice = await shopper();
    const bob = await shopper();
    const s = await createSku(app, hq, 2500, 10);
    const line = (ok(await alice.add(s.skuId, 2)) as CartDto).items[0];
    const before = ok(await alice.get());
    for (const res of [await bob.update(line.id, { quantity: 5 }), await bob.update(line.id, { selected: false }), await bob.remove(line.id)]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CART_ITEM_NOT_FOUND');
    }
    ok(await bob.selectAll(false));
    expect(ok<CartDto>(await bob.get()).items).toEqual([]);
    expect(ok(await alice.get())).toEqual(before);
  });

  it(`holds at most ${MAX_CART_LINES} distinct lines`, async () => {
    const cart = await shopper();
    const values = Array.from({ length: 30 }, (_, i) => `${i + 1}`);
    const specs = [
      { name: '号', values },
      { name: '色', values: ['红', '绿', '蓝', '黄'] },
    ];
    const many = await createProduct(app, hq, {
      categoryId,
      specs,
      skus: values.flatMap((n) => specs[1].values.map((c) => ({ specs: { 号: n, 色: c }, priceFen: 100, stock: 5 }))),
    });
    const ids = many.skus.map((s) => s.id);
    for (let i = 0; i < MAX_CART_LINES; i += 10) {
      const batch = await Promise.all(ids.slice(i, i + 10).map((id) => cart.add(id, 1)));
      expect(batch.every((r) => r.status === 200)).toBe(true);
    }
    const full = await cart.add(ids[MAX_CART_LINES], 1);
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('CART_FULL');
    // A SKU already in the cart can still be topped up.
    const dto: CartDto = ok(await cart.add(ids[0], 1));
    expect(dto.items).toHaveLength(MAX_CART_LINES);
    expect(dto.totalQuantity).toBe(MAX_CART_LINES + 1);
  });

  it('removeSkus drops only the given SKUs of the given shopper, inside a transaction', async () => {
    const alice = await loginShopper(app);
    const bob = await loginShopper(app);
    const [x, y] = [await createSku(app, hq, 100, 10), await createSku(app, hq, 200, 10)];
    for (const t of [alice.token, bob.token]) for (const s of [x, y]) ok(await cartOf(app, t).add(s.skuId, 1));
    await app.services.tx.run((m) => app.services.cart.removeSkus(m, alice.memberId, [x.skuId, x.skuId]));
    expect(ok<CartDto>(await cartOf(app, alice.token).get()).items.map((i) => i.skuId)).toEqual([y.skuId]);
    expect(ok<CartDto>(await cartOf(app, bob.token).get()).items).toHaveLength(2);
    // Rolled back with the caller's transaction.
    await expect(
      app.services.tx.run(async (m) => {
        await app.services.cart.removeSkus(m, bob.memberId, [x.skuId]);
        throw new Error('order failed');
      }),
    ).rejects.toThrow('order failed');
    expect(ok<CartDto>(await cartOf(app, bob.token).get()).items).toHaveLength(2);
  });
});
