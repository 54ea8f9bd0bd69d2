/**
 * A pickup order paid with WeChat Pay (the loopback fake): collecting it at the store uploads the
 * shipping information WeChat needs to release the money, as 用户自提 (logistics_type 4), once.
 */
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { WECHAT_PAY_ENV } from '../../../test/payments';
import { createSku, ok } from '../../../test/shopping';
import { pickupOrder, pickupRow, pickupStore } from './pickup.test-support';

describe('门店自提 with WeChat Pay', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(WECHAT_PAY_ENV);
  });
  afterAll(() => app.close());

  it('uploads 用户自提 shipping info when the store collects, not before', async () => {
    const hq = await loginHq(app);
    const store = await pickupStore(app, hq);
    const { skuId } = await createSku(app, hq, 4990, 10);
    const shopper = await loginShopper(app);
    const order = ok(await pickupOrder(app, shopper.token, skuId, store.id), 201);
    ok(await app.api.post(`/api/orders/${order.id}/pay`, {}, shopper.token));
    expect((await app.fakeWechatPay!.pay(order.orderNo)).status).toBe(204);
    const wechat = app.fakeWechat!;
    const before = wechat.shippingUploads.length;
    await app.services.outbox.drain();
    expect(wechat.shippingUploads.length).toBe(before);

    const { code } = await pickupRow(app, order.id);
    ok(await app.api.post('/api/hq/pickup/collect', { code, storeId: store.id }, hq));
    await app.services.outbox.drain();
    expect(wechat.shippingUploads.length).toBe(before + 1);
    expect(wechat.shippingUploads[before]).toMatchObject({
      order_key: { order_number_type: 2, transaction_id: app.fakeWechatPay!.order(order.orderNo)!.transaction_id },
      logistics_type: 4,
      delivery_mode: 1,
      shipping_list: [{ item_desc: expect.stringContaining('*1') }],
      payer: { openid: expect.any(String) },
    });
    expect((wechat.shippingUploads[before] as { shipping_list: object[] }).shipping_list[0]).not.toHaveProperty('tracking_no');
  });
});
