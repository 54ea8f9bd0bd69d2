/**
 * Seeds the loop of the demo store (demo-loop-data.ts) through the modules' own services, as HQ
 * and shoppers would make it: coupons and the 新人礼 pack, points-mall items, group-buy campaigns
 * (scheduled, so their units leave the SKU's stock), stores and guides with binding codes. The
 * demo members and their orders are in demo-members.ts.
 */
import type { SkuDto } from '@common/catalogue/types';
import type { Services } from '../app';
import type { Logger } from '../logger';
import { DEMO_CAMPAIGNS, DEMO_COUPONS, DEMO_MALL_ITEMS, DEMO_NEW_MEMBER_PACK, DEMO_STORES, findSku, type DemoSkuRef } from './demo-loop-data';

/** The seeded catalogue: each demo product's id, category and SKUs, by its demo key. */
export type SeededProducts = Map<string, { id: number; cover: string; skus: SkuDto[] }>;

export interface DemoGuideSummary {
  id: number;
  name: string;
  wecomUserId: string;
  bindingCode: string;
  bindingCodeExpiresAt: string;
  /** The 「联系我」 config id, when the (fake) WeCom made one. */
  contactConfigId: string | null;
}

export interface DemoStoreSummary {
  id: number;
  name: string;
  code: string;
  guides: DemoGuideSummary[];
}

export interface DemoPromotions {
  couponIds: Map<string, number>;
  campaignIds: number[];
}

/** The SKU a demo reference names (its specs match exactly); a typo in the data stops the seed. */
export function skuIdOf(products: SeededProducts, ref: DemoSkuRef): number {
  const sku = findSku(products.get(ref.product)?.skus ?? [], ref);
  if (!sku) throw new Error(`demo data: no SKU ${ref.product} ${JSON.stringify(ref.specs)}`);
  return sku.id;
}

/** HQ's time inputs are whole minutes (北京时间 YYYY-MM-DD HH:mm): so are the seeded ones. */
const toMinute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);

export async function seedPromotions(s: Services, products: SeededProducts, now: () => Date): Promise<DemoPromotions> {
  const couponIds = new Map<string, number>();
  for (const c of DEMO_COUPONS) {
    const t = await s.coupons.templates.create({
      name: c.name,
      kind: c.kind,
      amountOffFen: c.amountOffFen ?? 0,
      thresholdFen: c.thresholdFen ?? 0,
      percentOff: c.percentOff ?? 0,
      maxOffFen: c.maxOffFen ?? 0,
      scope: { type: 'all' },
      validity: { type: 'relative', days: c.validDays },
      audience: { type: c.audience },
      firstOrderOnly: c.firstOrderOnly ?? false,
      totalQuota: c.totalQuota,
      perMemberLimit: c.perMemberLimit,
      claimable: c.claimable,
    });
    couponIds.set(c.key, t.id);
  }
  const couponId = (key: string) => {
    const id = couponIds.get(key);
    if (!id) throw new Error(`demo data: unknown coupon ${key}`);
    return id;
  };
  await s.coupons.gifts.setPack({ templateIds: DEMO_NEW_MEMBER_PACK.coupons.map(couponId), points: DEMO_NEW_MEMBER_PACK.points, active: true });

  for (const item of DEMO_MALL_ITEMS) {
    const common = { title: item.title, description: item.description, pointsPrice: item.pointsPrice, stock: item.stock, perMemberLimit: item.perMemberLimit };
    if (item.kind === 'coupon') {
      await s.pointsMall.items.create({ ...common, kind: 'coupon', image: null, skuId: null, templateId: couponId(item.coupon), cashFen: 0 });
    } else {
      await s.pointsMall.items.create({ ...common, kind: 'goods', image: products.get(item.sku.product)?.cover ?? null, skuId: skuIdOf(products, item.sku), templateId: null, cashFen: item.cashFen });
    }
  }

  const campaignIds: number[] = [];
  const at = now().getTime();
  for (const c of DEMO_CAMPAIGNS) {
    const created = await s.groupBuy.admin.create({
      title: c.title,
      skuId: skuIdOf(products, c.sku),
      groupPriceFen: c.groupPriceFen,
      groupSize: c.groupSize,
      stock: c.stock,
      startAt: toMinute(at + c.startsInMs),
      endAt: toMinute(at + c.endsInMs),
      groupHours: c.groupHours,
      perShopperLimit: c.perShopperLimit,
    });
    // Scheduling carves the campaign's units out of the SKU's stock (the catalogue's own function).
    await s.groupBuy.admin.schedule(created.id);
    campaignIds.push(created.id);
  }
  return { couponIds, campaignIds };
}

/**
 * Two stores and their guides, each with a fresh binding code (printed at start). With the fake
 * WeCom, each guide also gets its 「联系我」 ways; WeCom being away only leaves them out.
 */
export async function seedGuides(s: Services, log: Logger, withWecom: boolean): Promise<DemoStoreSummary[]> {
  const out: DemoStoreSummary[] = [];
  for (const st of DEMO_STORES) {
    const store = await s.guides.admin.createStore({ name: st.name, code: st.code, city: st.city });
    const guides: DemoGuideSummary[] = [];
    for (const g of st.guides) {
      const guide = await s.guides.admin.createGuide({ name: g.name, wecomUserId: g.wecomUserId, storeId: store.id });
      const code = await s.guides.admin.issueBindingCode(guide.id);
      let contactConfigId: string | null = null;
      if (withWecom) {
        try {
          contactConfigId = (await s.guides.wecom.createContactWays(guide.id)).contactConfigId;
        } catch (err) {
          log.warn({ err, guideId: guide.id }, 'demo guide: no 联系我 config (WeCom unavailable); HQ can create it later');
        }
      }
      guides.push({ id: guide.id, name: g.name, wecomUserId: g.wecomUserId, bindingCode: code.code, bindingCodeExpiresAt: code.expiresAt, contactConfigId });
    }
    await s.guides.admin.setDefaultGuide(store.id, guides[0].id);
    out.push({ id: store.id, name: st.name, code: st.code, guides });
  }
  return out;
}
