/**
 * A guide's campaign card and poster on H5: HQ schedules a group-buy campaign and makes a guide;
 * the guide links their account on 导购工作台, which lists the campaign's card path with their
 * token and shows a product poster's code; a new shopper opens the campaign card, another opens
 * the product page as the poster's code would (`scene`): each lands on the right page, and once
 * signed in the touch is recorded (HQ's funnel counts the new shopper) and binds them to the
 * guide (我的导购).
 */
import { posterScene } from '@common/attribution/poster-scene';
import type { Driver } from '../driver';
import { waitUntil } from '../driver';
import type { HqApi } from './guides';
import { PAGES } from '../paths';
import { loginOnPrompt } from './steps';

/** Shanghai wall-clock time, as HQ enters a window. */
const shanghai = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

async function scheduleCampaign(hq: HqApi): Promise<{ id: number; title: string }> {
  const list = await hq.call<{ items: { id: number }[] }>('GET', '/api/products?pageSize=50');
  for (const p of list.items) {
    const d = await hq.call<{ title: string; skus: { id: number; status: string; stock: number; priceFen: number }[] }>('GET', `/api/products/${p.id}`);
    const sku = d.skus.find((s) => s.status === 'on_sale' && s.stock >= 20);
    if (!sku) continue;
    const title = `${d.title.slice(0, 16)} 导购团`;
    const c = await hq.call<{ id: number }>('POST', '/api/hq/groupbuy/campaigns', {
      title, skuId: sku.id, groupPriceFen: Math.floor(sku.priceFen * 0.8), groupSize: 2, stock: 5,
      startAt: shanghai(Date.now() - 60_000), endAt: shanghai(Date.now() + 24 * 3600_000), groupHours: 24, perShopperLimit: 1,
    });
    await hq.call('POST', `/api/hq/groupbuy/campaigns/${c.id}/schedule`, {});
    return { id: c.id, title };
  }
  throw new Error('no SKU with stock for a campaign');
}

export async function guideCardsJourney(guideDriver: Driver, newShopper: () => Promise<Driver>, hq: HqApi): Promise<void> {
  const campaign = await scheduleCampaign(hq);
  const store = await hq.call('POST', '/api/hq/stores', { name: '珠江新城店', code: `ZJ${Date.now() % 100000}`, city: '广州' });
  const guide = await hq.call('POST', '/api/hq/guides', { name: '李导购', wecomUserId: `lidg${Date.now() % 100000}`, storeId: store.id });
  const { code } = await hq.call('POST', `/api/hq/guides/${guide.id}/binding-code`);

  await guideDriver.open(PAGES.guideWorkbench);
  await loginOnPrompt(guideDriver);
  await guideDriver.waitFor('.guide-link__code');
  await guideDriver.type('.guide-link__code', code);
  await guideDriver.waitFor('.guide-share--campaign .guide-share__title', { text: campaign.title });
  const card = (await guideDriver.texts('.guide-share--campaign .guide-share__path'))
    .map((p) => /^\/packages\/groupbuy\/campaign\/index\?id=(\d+)&t=([0-9A-Za-z.]{8,32})$/.exec(p))
    .find((m) => m && Number(m[1]) === campaign.id);
  expect(card).toBeTruthy();
  const token = card![2];

  // 海报 on the first product: the code is shown (H5 shows the image).
  const [productPath] = await guideDriver.texts('.guide-share--product .guide-share__path');
  const productId = Number(/\?id=(\d+)&t=/.exec(productPath)![1]);
  const [productTitle] = await guideDriver.texts('.guide-share--product .guide-share__title');
  await guideDriver.tap('.guide-share--product .guide-share__poster');
  await guideDriver.waitFor('.guide-share--product .guide-share__code');
  await guideDriver.screenshot('guides-poster');

  const today = shanghai(Date.now()).slice(0, 10);
  const touched = async () => (await hq.call<{ touched: number }>('GET', `/api/hq/guides/funnel?from=${today}&to=${today}`)).touched;
  const before = await touched();

  // A new shopper opens the campaign card: the campaign page, a touch, bound to the guide.
  const a = await newShopper();
  await a.open(PAGES.groupCampaign, { id: card![1], t: token });
  await loginOnPrompt(a);
  await a.waitFor('.gb-hero__title', { text: campaign.title });
  await waitUntil('campaign card touch recorded', async () => (await touched()) === before + 1);
  await a.open(PAGES.myGuide);
  await a.waitFor('.my-guide__name', { text: guide.name });

  // Another opens the product page as the poster's code does (only `scene`, no `id`).
  const b = await newShopper();
  await b.open(PAGES.product, { scene: posterScene(productId, token)! });
  await b.waitFor('.product-title', { text: productTitle });
  // The product page needs no login: the kept token is reported once the shopper signs in (here on 我的导购's prompt).
  await b.open(PAGES.myGuide);
  await loginOnPrompt(b);
  await waitUntil('poster touch recorded', async () => (await touched()) === before + 2);
  await b.open(PAGES.myGuide);
  await b.waitFor('.my-guide__name', { text: guide.name });
  await b.screenshot('guides-poster-landing');
}
