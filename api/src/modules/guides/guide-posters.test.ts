/**
 * Guide posters and campaign cards through the API against the fake WeChat: the code's scene
 * carries the product or campaign and the guide's token (≤ 32 characters), the page is the right
 * one, the token from the scene or from a campaign card's `t` records a touch for that guide, a
 * plain shopper is refused, and WeChat's refusals become a 4xx/502 with a code, never a 500.
 */
import { parsePosterScene } from '@common/attribution/poster-scene';
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { createSku, ok } from '../../../test/shopping';
import { Product } from '../catalogue/catalogue.entities';
import { formatShanghai } from '../groupbuy/groupbuy.time';
import { runningCampaign } from '../groupbuy/groupbuy.test-support';
import { aGuide, type GuideFixture, hqToken, touch } from './guides.test-support';

describe('guide posters and campaign share cards', () => {
  let app: TestApp;
  let hq: string;
  let guide: GuideFixture;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await hqToken(app);
    guide = await aGuide(app, hq);
  });
  afterAll(() => app.close());
  const fake = () => app.fakeWechat!;
  const poster = (kind: 'products' | 'campaigns', id: number | string, token = guide.token) => app.api.get(`/api/guide/${kind}/${id}/poster`, token);

  it('makes a product poster whose scene carries the product and my token, opening the product page', async () => {
    const { productId } = await createSku(app, hq, 5900, 10);
    const made = fake().codesMade.length;
    const p = ok(await poster('products', productId));
    expect(p).toMatchObject({ kind: 'product', targetId: productId, page: 'pages/product/index' });
    expect(p.image).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(p.image.slice('data:image/png;base64,'.length), 'base64').subarray(1, 4).toString('ascii')).toBe('PNG');
    // What WeChat received: this scene, this page.
    expect(fake().codesMade.slice(made)).toEqual([{ scene: p.scene, page: 'pages/product/index' }]);
    expect(p.scene.length).toBeLessThanOrEqual(32);
    const parsed = parsePosterScene(encodeURIComponent(p.scene))!;
    expect(parsed.targetId).toBe(productId);
    expect(app.services.guides.shareTokens.verify(parsed.token)).toMatchObject({ kind: 'guide', id: guide.id });

    // The product page opened from the code reports the scene's token: a touch for this guide.
    const s = await loginShopper(app);
    expect(await touch(app, s.token, parsed.token, { path: `/pages/product/index?scene=${encodeURIComponent(p.scene)}`, scene: 1047 })).toMatchObject({ recorded: true, guideId: guide.id });
    const [row] = await app.ds.query('SELECT guide_id, scene, path FROM guide_touch WHERE member_id = ?', [s.memberId]);
    expect(Number(row.guide_id)).toBe(guide.id);
    expect(Number(row.scene)).toBe(1047);

    // Asked again (the workbench reopened): the same code, no new WeChat call spent.
    expect(ok(await poster('products', productId)).scene).toBe(p.scene);
    expect(fake().codesMade.length).toBe(made + 1);
  });

  it('makes a campaign poster opening the campaign page', async () => {
    const c = await runningCampaign(app, hq, new Date());
    const p = ok(await poster('campaigns', c.campaignId));
    expect(p).toMatchObject({ kind: 'campaign', targetId: c.campaignId, page: 'packages/groupbuy/campaign/index' });
    expect(fake().codesMade.at(-1)).toEqual({ scene: p.scene, page: 'packages/groupbuy/campaign/index' });
    expect(parsePosterScene(p.scene)).toMatchObject({ targetId: c.campaignId });
    expect(app.services.guides.shareTokens.verify(parsePosterScene(p.scene)!.token)).toMatchObject({ kind: 'guide', id: guide.id });
  });

  it('records a touch when a campaign card shared from the workbench is opened', async () => {
    const c = await runningCampaign(app, hq, new Date());
    const s = await loginShopper(app);
    const path = `/packages/groupbuy/campaign/index?id=${c.campaignId}&t=${guide.shareToken}`;
    expect(await touch(app, s.token, guide.shareToken, { path, scene: 1044 })).toMatchObject({ recorded: true, guideId: guide.id });
    const [row] = await app.ds.query('SELECT guide_id, path FROM guide_touch WHERE member_id = ?', [s.memberId]);
    expect({ guide: Number(row.guide_id), path: row.path }).toEqual({ guide: guide.id, path });
  });

  it('refuses a plain shopper, what a shopper cannot see, and ids that are not ids; no code is made', async () => {
    const { productId } = await createSku(app, hq, 5900, 10);
    const draft = ok(
      await app.api.post(
        '/api/hq/groupbuy/campaigns',
        { title: '草稿', skuId: (await createSku(app, hq, 9900, 50)).skuId, groupPriceFen: 6900, groupSize: 2, stock: 10, startAt: formatShanghai(new Date(Date.now() + 3600_000)), endAt: formatShanghai(new Date(Date.now() + 7200_000)), groupHours: 1, perShopperLimit: 1 },
        hq,
      ),
      201,
    );
    const plain = await loginShopper(app);
    const made = fake().codesMade.length;
    const cases: [string, Promise<{ status: number; body: { code?: string } }>, number, string][] = [
      ['plain shopper, product', poster('products', productId, plain.token), 403, 'NOT_A_GUIDE'],
      ['plain shopper, campaign', poster('campaigns', draft.id, plain.token), 403, 'NOT_A_GUIDE'],
      ['no session', app.api.get(`/api/guide/products/${productId}/poster`), 401, 'UNAUTHENTICATED'],
      ['missing product', poster('products', 999_999), 404, 'PRODUCT_NOT_FOUND'],
      ['draft campaign', poster('campaigns', draft.id), 404, 'GROUPBUY_CAMPAIGN_NOT_FOUND'],
      ['hex id', poster('products', '0x6'), 400, 'VALIDATION_FAILED'],
      ['id too large', poster('campaigns', '99999999999'), 400, 'VALIDATION_FAILED'],
    ];
    for (const [name, res, status, code] of cases) {
      const r = await res;
      expect({ name, status: r.status, code: r.body.code }).toEqual({ name, status, code });
    }
    expect(fake().codesMade.length).toBe(made);
  });

  it.each([
    [41030, 502, 'GUIDE_POSTER_PAGE_MISSING'],
    [45009, 429, 'GUIDE_POSTER_QUOTA'],
    [-1, 502, 'GUIDE_POSTER_FAILED'],
  ] as const)('WeChat errcode %i becomes %i %s, and nothing is kept', async (errcode, status, code) => {
    const { productId } = await createSku(app, hq, 5900, 10);
    fake().failNextCode(errcode);
    const r = await poster('products', productId);
    expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
    // The next try reaches WeChat again and succeeds: a failure is not cached.
    const made = fake().codesMade.length;
    expect(ok(await poster('products', productId)).targetId).toBe(productId);
    expect(fake().codesMade.length).toBe(made + 1);
  });

  // Last: on MariaDB the product ids after this one continue from it.
  it('refuses a product whose id does not fit beside the token in 32 characters (409), asking WeChat nothing', async () => {
    const { productId } = await createSku(app, hq, 5900, 10);
    const [p] = await app.ds.query('SELECT category_id FROM product WHERE id = ?', [productId]);
    const now = new Date();
    const big = 2_000_000_000; // 6 base62 characters: with this guide's token, 33 or more
    await app.ds.manager.insert(Product, { id: big, categoryId: Number(p.category_id), title: '大编号商品', subtitle: '', images: [], description: '', tags: [], specs: [], status: 'on_sale', minPriceFen: 100, minOriginalPriceFen: null, salesCount: 0, createdAt: now, updatedAt: now });
    const made = fake().codesMade.length;
    const r = await poster('products', big);
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'GUIDE_POSTER_TOO_LONG' });
    expect(fake().codesMade.length).toBe(made);
  });
});
