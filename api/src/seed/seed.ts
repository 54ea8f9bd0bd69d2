/**
 * Loads the demo store (seed/demo-data.ts) into an empty database through the same HQ services
 * an operator would use, so the seed obeys every catalogue rule. A database that already has a
 * catalogue is left alone.
 */
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import type { Services } from '../app';
import { Banner, Category, Product } from '../modules/catalogue/catalogue.entities';
import { DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PRODUCTS } from './demo-data';

const DAY_MS = 24 * 3600 * 1000;

export async function seedDemoStore(ds: DataSource, services: Services, log: Logger, now: () => Date): Promise<boolean> {
  const [categories, products] = await Promise.all([ds.getRepository(Category).count(), ds.getRepository(Product).count()]);
  if (categories > 0 || products > 0) return false;

  const categoryIds = new Map<string, number>();
  for (const [i, c] of DEMO_CATEGORIES.entries()) {
    const created = await services.catalogueAdmin.createCategory({ name: c.name, icon: c.icon, sort: (i + 1) * 10 });
    categoryIds.set(c.name, created.id);
  }

  const productIds = new Map<string, number>();
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
    productIds.set(p.key, created.id);
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
        productId: b.productKey ? (productIds.get(b.productKey) ?? null) : null,
        sort: i,
        active: true,
        createdAt: now(),
      })),
    ),
  );
  log.info({ categories: DEMO_CATEGORIES.length, products: DEMO_PRODUCTS.length }, 'seeded the demo store');
  return true;
}
