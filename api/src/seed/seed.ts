/**
 * Loads the demo store into an empty database through the same services HQ and shoppers use, so
 * the seed obeys every rule and invariant: the catalogue (demo-data.ts), then the loop
 * (demo-loop.ts: coupons, 新人礼, points mall, group-buy, stores and guides) and, with the fake
 * WeChat, demo members with orders (demo-members.ts). A database that already has a catalogue is
 * left alone, so a restart seeds nothing.
 */
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import type { Services } from '../app';
import { Banner, Category, Product } from '../modules/catalogue/catalogue.entities';
import type { FakeWeChatHandle } from '../wechat/fake-wechat';
import { DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PRODUCTS } from './demo-data';
import { BEAUTY } from './demo-kit';
import { seedGuides, seedPromotions, type DemoStoreSummary, type SeededProducts } from './demo-loop';
import { seedInsight } from './demo-insight';
import { seedMembers, type DemoMembersSummary } from './demo-members';
import { seedMemberCards } from './demo-member-cards';
import { seedPickup } from './demo-pickup';
import { seedStoreCoupons } from './demo-store-coupons';
import { seedPos, type DemoPosSummary } from './demo-pos';
import { seedOfflineCommission } from './demo-offline-commission';
import { seedMetrics } from './demo-metrics';

const DAY_MS = 24 * 3600 * 1000;

/** What a seeding start made, for the start banner. */
export interface DemoSummary {
  stores: DemoStoreSummary[];
  campaigns: number;
  /** null: no fake WeChat to log demo members in with. */
  members: DemoMembersSummary | null;
  /** The demo store's POS key (its secret shown on this start only). */
  pos?: DemoPosSummary | null;
}

export interface SeedOptions {
  /** Logs the demo members in; without it (real WeChat) no members or orders are made. */
  fakeWechat?: FakeWeChatHandle | null;
  /** The fake WeCom runs: the demo guides get their 「联系我」 ways. */
  wecom?: boolean;
}

export async function seedDemoStore(ds: DataSource, services: Services, log: Logger, now: () => Date, opts: SeedOptions = {}): Promise<DemoSummary | null> {
  const [categories, products] = await Promise.all([ds.getRepository(Category).count(), ds.getRepository(Product).count()]);
  if (categories > 0 || products > 0) return null;

  const categoryIds = new Map<string, number>();
  for (const [i, c] of DEMO_CATEGORIES.entries()) {
    const created = await services.catalogueAdmin.createCategory({ name: c.name, icon: c.icon, sort: (i + 1) * 10 });
    categoryIds.set(c.name, created.id);
  }

  const seeded: SeededProducts = new Map();
  for (const p of DEMO_PRODUCTS) {
    const categoryId = categoryIds.get(p.category);
    if (!categoryId) throw new Error(`demo product ${p.key}: unknown category ${p.category}`);
    const created = await services.catalogueAdmin.createProduct({
      categoryId,
      title: p.title,
      subtitle: p.subtitle,
      images: p.images,
      description: p.description,
      tags: p.tags,
      specs: p.specs,
      status: 'on_sale',
      skus: p.skus.map((s) => ({ ...s, status: 'on_sale' as const })),
    });
    seeded.set(p.key, { id: created.id, cover: p.images[0], skus: created.skus });
    // History the HQ API does not let anyone write: when it was listed and how much it sold.
    const listedAt = new Date(now().getTime() - p.daysAgo * DAY_MS);
    await services.tx.run((m) => m.update(Product, { id: created.id }, { salesCount: p.salesCount, createdAt: listedAt }));
  }

  await services.tx.run((m) =>
    m.insert(
      Banner,
      DEMO_BANNERS.map((b, i) => ({
        title: b.title,
        image: b.image,
        productId: b.productKey ? (seeded.get(b.productKey)?.id ?? null) : null,
        sort: i,
        active: true,
        createdAt: now(),
      })),
    ),
  );
  log.info({ categories: DEMO_CATEGORIES.length, products: DEMO_PRODUCTS.length }, 'seeded the demo catalogue');

  const promotions = await seedPromotions(services, seeded, now);
  await seedStoreCoupons(services, promotions);
  const stores = await seedGuides(services, log, opts.wecom ?? false);
  // 佣金比例 beside the 3 % default, before any demo order: 美妆个护 at 5 % (500 basis points).
  const beautyId = categoryIds.get(BEAUTY);
  if (beautyId) await services.guides.admin.setRate('category', beautyId, 500);
  const members = opts.fakeWechat ? await seedMembers(services, opts.fakeWechat, { products: seeded, promotions, stores, log }) : null;
  if (!members) log.warn('demo seed: no fake WeChat, so no demo members or orders');
  if (members && opts.fakeWechat) log.info({ cards: await seedMemberCards(services, opts.fakeWechat) }, 'seeded the demo member cards');
  const pickupOrders = await seedPickup(services, stores, seeded, opts.fakeWechat);
  if (opts.fakeWechat) await seedInsight(services, opts.fakeWechat, { products: seeded, promotions, stores, log });
  const pos = await seedPos(services, stores, now, !!(members && opts.fakeWechat));
  await seedOfflineCommission(services, stores, now);
  // Points, commission, 新人礼 and shipping uploads follow from the outbox: deliver them now, so
  // the figures are there on the first page view rather than after the first job tick.
  await services.outbox.drain();
  await seedMetrics(services, opts.fakeWechat ?? null, stores, now);
  log.info({ coupons: promotions.couponIds.size, campaigns: promotions.campaignIds.length, stores: stores.length, members: members?.members ?? 0, orders: members?.orders ?? 0, pickupOrders }, 'seeded the demo loop');
  return { stores, campaigns: promotions.campaignIds.length, members, pos };
}
