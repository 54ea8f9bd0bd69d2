import { FREIGHT_FEN, MAX_LINE_QUANTITY, MAX_ORDER_FEN } from '@common/order/pricing';
import type { OrderDetailDto } from '@common/order/types';
import { createCategory, createProduct, TEE_SPECS } from '../../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { cartOf, createSku, ok } from '../../../test/shopping';
import { sequenceValueOf } from './order-no';
import { holdSku, lineCount, orderCount, postOrder, shopperWithAddress, stockOf, type Shopper } from './orders.test-support';

describe('checkout and order creation', () => {
  let app: TestApp;
  let hq: string;
  let categoryId: number;
  let a: Shopper;
  let b: Shopper;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    categoryId = await createCategory(app, hq);
    a = await shopperWithAddress(app);
    b = await shopperWithAddress(app);
  });
  afterAll(() => app.close());

  it('previews server-side prices and freight without writing anything', async () => {
    const cheap = await createSku(app, hq, 1990, 5, { categoryId });
    const tee = await createProduct(app, hq, {
      categoryId,
      title: '纯棉T恤',
      specs: TEE_SPECS,
      skus: [{ specs: { 颜色: '白色', 尺码: 'M' }, priceFen: 5900, stock: 10 }],
    });
    const small = ok(await app.api.post('/api/checkout/preview', { lines: [{ skuId: cheap.skuId, quantity: 2 }] }, a.token));
    expect(small).toMatchObject({ goodsFen: 3980, discountFen: 0, freightFen: FREIGHT_FEN, payableFen: 3980 + FREIGHT_FEN });
    const big = ok(
      await app.api.post('/api/checkout/preview', { lines: [{ skuId: cheap.skuId, quantity: 1 }, { skuId: tee.skus[0].id, quantity: 2 }] }, a.token),
    );
    expect(big).toMatchObject({ goodsFen: 1990 + 11800, freightFen: 0, payableFen: 13790 });
    expect(big.lines[1]).toMatchObject({ title: '纯棉T恤', specLabel: '白色 / M', unitPriceFen: 5900, subtotalFen: 11800, payableFen: 11800 });
    expect(await orderCount(app)).toBe(0);
    expect(await stockOf(app, cheap.skuId)).toBe(5);
  });

  it('places an order: pending payment, snapshot lines, stock reserved, a non-sequential order number', async () => {
    const sku = await createSku(app, hq, 3900, 10, { categoryId, title: '毛巾' });
    const before = Date.now();
    const res = await postOrder(app, a, { lines: [{ skuId: sku.skuId, quantity: 3 }], remark: '请尽快发货' });
    const order = ok<OrderDetailDto>(res, 201);
    expect(order).toMatchObject({ status: 'pending_payment', goodsFen: 11700, freightFen: 0, payableFen: 11700, itemCount: 3, remark: '请尽快发货' });
    expect(order.address).toEqual({ name: '张三', phone: '13800138000', region: '广东省 深圳市 南山区', detail: '科技园路 1 号' });
    expect(order.lines).toEqual([expect.objectContaining({ skuId: sku.skuId, title: '毛巾', quantity: 3, unitPriceFen: 3900, image: '/assets/products/test.svg' })]);
    expect(order.orderNo).toMatch(/^\d{16}$/);
    const seq = sequenceValueOf(order.orderNo);
    expect(seq).toBeGreaterThan(0);
    const deadline = Date.parse(order.payDeadline!);
    expect(deadline - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(deadline - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(await stockOf(app, sku.skuId)).toBe(7);
    // The answer to POST is built from what was written; it must be exactly what a read returns.
    expect(ok(await app.api.get(`/api/orders/${order.id}`, a.token))).toEqual(order);

    // Later price changes never touch a placed order.
    ok(await app.api.patch(`/api/hq/skus/${sku.skuId}`, { priceFen: 100 }, hq));
    const again = ok(await app.api.get(`/api/orders/${order.id}`, a.token));
    expect(again.lines[0].unitPriceFen).toBe(3900);
    expect(again.payableFen).toBe(11700);

    const next = ok<OrderDetailDto>(await postOrder(app, a, { lines: [{ skuId: sku.skuId, quantity: 1 }] }), 201);
    expect(Math.abs(Number(next.orderNo.slice(6)) - Number(order.orderNo.slice(6)))).toBeGreaterThan(1);
    // The next value of the sequence, hidden behind the permutation.
    expect(sequenceValueOf(next.orderNo)).toBe(seq! + 1);
  });

  it('refuses any price field in the body, naming it, before anything else', async () => {
    const sku = await createSku(app, hq, 1000, 10, { categoryId });
    const orders = await orderCount(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [{ skuId: sku.skuId, quantity: 1, unitPriceFen: 1 }] }, 'lines.0.unitPriceFen'],
      [{ lines: [{ skuId: sku.skuId, quantity: 1 }], totalFen: 1 }, 'totalFen'],
      [{ lines: [{ skuId: sku.skuId, quantity: 1 }], payableFen: 1 }, 'payableFen'],
      [{ lines: [{ skuId: sku.skuId, quantity: 1, priceFen: 1 }] }, 'lines.0.priceFen'],
      [{ lines: [], extra: { price: 1 } }, 'extra.price'],
    ];
    for (const [body, field] of cases) {
      const res = await postOrder(app, a, body);
      expect([res.status, res.body.code, res.body.field]).toEqual([400, 'PRICE_FIELD_REFUSED', field]);
    }
    const preview = await app.api.post('/api/checkout/preview', { lines: [{ skuId: sku.skuId, quantity: 1, priceFen: 1 }] }, a.token);
    expect([preview.status, preview.body.code]).toEqual([400, 'PRICE_FIELD_REFUSED']);
    expect(await orderCount(app)).toBe(orders);
    expect(await stockOf(app, sku.skuId)).toBe(10);
  });

  it('refuses bad lines with the right status, code and field, writing nothing', async () => {
    const sku = await createSku(app, hq, 1000, 10, { categoryId });
    const offSku = await createProduct(app, hq, {
      categoryId,
      specs: [{ name: '颜色', values: ['红', '蓝'] }],
      skus: [
        { specs: { 颜色: '红' }, priceFen: 1000, stock: 10 },
        { specs: { 颜色: '蓝' }, priceFen: 1000, stock: 10, status: 'off_sale' },
      ],
    });
    const offProduct = await createSku(app, hq, 1000, 10, { categoryId, status: 'off_sale' });
    const draft = await createSku(app, hq, 1000, 10, { categoryId, status: 'draft' });
    const foreign = b.addressId;
    // Two of the dearest SKU HQ can list exceed the order ceiling (and would overflow INT columns).
    const dear = await createSku(app, hq, MAX_ORDER_FEN - 1, 10, { categoryId });
    const line = (quantity: unknown, skuId = sku.skuId) => ({ lines: [{ skuId, quantity }] });
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [line(0), 400, 'QUANTITY_INVALID', 'lines.0.quantity'],
      [line(-1), 400, 'QUANTITY_INVALID', 'lines.0.quantity'],
      [line(1.5), 400, 'QUANTITY_INVALID', 'lines.0.quantity'],
      [line('2'), 400, 'QUANTITY_INVALID', 'lines.0.quantity'],
      [line(MAX_LINE_QUANTITY + 1), 400, 'QUANTITY_OVER_LIMIT', 'lines.0.quantity'],
      [{ lines: [{ skuId: sku.skuId, quantity: 1 }, { skuId: sku.skuId, quantity: 200 }] }, 400, 'QUANTITY_OVER_LIMIT', 'lines.1.quantity'],
      [{ lines: [] }, 400, 'CART_EMPTY', 'lines'],
      [{ lines: [{ skuId: sku.skuId, quantity: 1 }, { skuId: sku.skuId, quantity: 2 }] }, 400, 'VALIDATION_FAILED', 'lines.1.skuId'],
      [{ lines: [{ skuId: sku.skuId }] }, 400, 'VALIDATION_FAILED', 'lines.0.quantity'],
      [{ ...line(1), coupon: 'X' }, 400, 'VALIDATION_FAILED', 'coupon'],
      [line(1, 99_999), 404, 'SKU_NOT_FOUND', 'lines.0.skuId'],
      [line(1, draft.skuId), 404, 'SKU_NOT_FOUND', 'lines.0.skuId'],
      [line(1, offSku.skus[1].id), 409, 'SKU_OFF_SALE', 'lines.0.skuId'],
      [line(1, offProduct.skuId), 409, 'SKU_OFF_SALE', 'lines.0.skuId'],
      [line(11), 409, 'OUT_OF_STOCK', 'lines.0.quantity'],
      [line(2, dear.skuId), 400, 'ORDER_AMOUNT_TOO_LARGE', 'lines'],
      [{ ...line(1), addressId: foreign }, 404, 'ADDRESS_NOT_FOUND'],
      [{ ...line(1), addressId: 99_999 }, 404, 'ADDRESS_NOT_FOUND'],
    ];
    const orders = await orderCount(app);
    for (const [body, status, code, field] of cases) {
      const res = await postOrder(app, a, body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), status, code]);
      if (field) expect(res.body.field).toBe(field);
    }
    expect(await orderCount(app)).toBe(orders);
    expect(await stockOf(app, sku.skuId)).toBe(10);
    expect(await stockOf(app, offSku.skus[0].id)).toBe(10);
  });

  it('a failing line rolls the whole order back: nothing half-written', async () => {
    const first = await createSku(app, hq, 1000, 10, { categoryId });
    const second = await createSku(app, hq, 1000, 2, { categoryId });
    const [orders, lines] = [await orderCount(app), await lineCount(app)];
    // Hold the second SKU's row (and, on SQLite, the transaction queue) while 12 orders pass the
    // advisory stock pre-check; once released, the conditional UPDATE lets two through. The
    // placement gate sends one more into a transaction, where the UPDATE refuses it after its
    // order row and first-line reservation were written: that must roll back. Its refusal marks
    // the SKU sold out, so the rest are refused by the mark ("仅剩 0 件") without a transaction.
    const release = holdSku(app, second.skuId);
    const racing = Array.from({ length: 12 }, () =>
      postOrder(app, a, { lines: [{ skuId: first.skuId, quantity: 1 }, { skuId: second.skuId, quantity: 1 }] }),
    );
    await release();
    const results = await Promise.all(racing);
    const created = results.filter((r) => r.status === 201).length;
    expect(created).toBe(2);
    const refused = results.filter((x) => x.status !== 201);
    for (const r of refused) {
      expect([r.status, r.body.code, r.body.field]).toEqual([409, 'OUT_OF_STOCK', 'lines.1.quantity']);
    }
    const messages = refused.map((r) => r.body.issues![0].message);
    // At least one was refused by the UPDATE inside its transaction, after writing: the rollback
    // below is exercised. Every other one by the sold-out mark that refusal set.
    expect(messages.filter((m) => m === '库存不足').length).toBeGreaterThanOrEqual(1);
    expect(messages.filter((m) => m !== '库存不足')).toEqual(messages.filter((m) => m === '仅剩 0 件'));
    expect(await stockOf(app, first.skuId)).toBe(10 - created);
    expect(await stockOf(app, second.skuId)).toBe(0);
    expect(await orderCount(app)).toBe(orders + created);
    expect(await lineCount(app)).toBe(lines + 2 * created);
  });

  it('removes the bought SKUs from the cart when ordering from the cart', async () => {
    const bought = await createSku(app, hq, 1000, 10, { categoryId });
    const kept = await createSku(app, hq, 1000, 10, { categoryId });
    const cart = cartOf(app, a.token);
    ok(await cart.add(bought.skuId, 2));
    ok(await cart.add(kept.skuId, 1));
    ok(await postOrder(app, a, { lines: [{ skuId: bought.skuId, quantity: 2 }], fromCart: true }), 201);
    expect(ok(await cart.get()).items.map((i: { skuId: number }) => i.skuId)).toEqual([kept.skuId]);
    ok(await postOrder(app, a, { lines: [{ skuId: kept.skuId, quantity: 1 }] }), 201);
    expect(ok(await cart.get()).items).toHaveLength(1);
  });

  describe('Idempotency-Key', () => {
    it('the same key and body give one order, and the stock moves once', async () => {
      const sku = await createSku(app, hq, 1000, 10, { categoryId });
      const body = { lines: [{ skuId: sku.skuId, quantity: 2 }] };
      const first = await postOrder(app, a, body, 'key-1');
      const second = await postOrder(app, a, body, 'key-1');
      expect([first.status, second.status]).toEqual([201, 200]);
      expect(second.body.data.id).toBe(first.body.data.id);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await stockOf(app, sku.skuId)).toBe(8);
      // Another shopper's key space is their own.
      const other = await postOrder(app, b, { ...body, addressId: b.addressId }, 'key-1');
      expect(other.status).toBe(201);
      expect(other.body.data.id).not.toBe(first.body.data.id);
      expect(await stockOf(app, sku.skuId)).toBe(6);
    });

    it('concurrent duplicates also end as one order', async () => {
      const sku = await createSku(app, hq, 1000, 50, { categoryId });
      const orders = await orderCount(app);
      const body = { lines: [{ skuId: sku.skuId, quantity: 3 }] };
      // All twelve get past the first key lookup before any commits: eleven then lose the
      // unique (member, key) race inside their transactions and must answer with the winner.
      const release = holdSku(app, sku.skuId);
      const racing = Array.from({ length: 12 }, () => postOrder(app, a, body, 'burst-key'));
      await release();
      const results = await Promise.all(racing);
      expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(new Set(results.map((r) => r.body.data.id)).size).toBe(1);
      expect(await orderCount(app)).toBe(orders + 1);
      expect(await stockOf(app, sku.skuId)).toBe(47);
    });

    it('a used key with a different body is a 409; a malformed key is a 400', async () => {
      const sku = await createSku(app, hq, 1000, 10, { categoryId });
      ok(await postOrder(app, a, { lines: [{ skuId: sku.skuId, quantity: 1 }] }, 'key-2'), 201);
      const orders = await orderCount(app);
      const res = await postOrder(app, a, { lines: [{ skuId: sku.skuId, quantity: 2 }] }, 'key-2');
      expect([res.status, res.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
      for (const bad of ['', 'x'.repeat(65), 'has space', '中文']) {
        const r = await postOrder(app, a, { lines: [{ skuId: sku.skuId, quantity: 1 }] }, bad).catch(() => null);
        if (!r) continue; // fetch itself refuses non-ASCII header values
        expect([r.status, r.body.code, r.body.field]).toEqual([400, 'VALIDATION_FAILED', 'Idempotency-Key']);
      }
      expect(await orderCount(app)).toBe(orders);
      expect(await stockOf(app, sku.skuId)).toBe(9);
    });
  });

  it('needs a shopper: 401 without a token, 403 with an HQ token', async () => {
    expect((await app.api.post('/api/orders', { lines: [], addressId: 1 })).status).toBe(401);
    expect((await app.api.post('/api/orders', { lines: [], addressId: 1 }, hq)).status).toBe(403);
    expect((await app.api.get('/api/orders', hq)).status).toBe(403);
  });
});
