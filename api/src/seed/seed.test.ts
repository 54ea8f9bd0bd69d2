import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { Banner, Category, Product, Sku } from '../modules/catalogue/catalogue.entities';
import { startLoopmall } from '../server';
import { freshDatabase } from '../../test/harness';
import { DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PRODUCTS } from './demo-data';

jest.setTimeout(60_000);

describe('demo seed', () => {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', SERVE_H5: 'false', SEED_DEMO: 'true' });
  const log = createLogger('silent');

  it('seeds an empty database once, and a second start reuses the data', async () => {
    const db = await freshDatabase();
    try {
      const first = await startLoopmall(config, log, { db: db.target });
      const counts = async () => ({
        categories: await first.ds.getRepository(Category).count(),
        products: await first.ds.getRepository(Product).count(),
        skus: await first.ds.getRepository(Sku).count(),
        banners: await first.ds.getRepository(Banner).count(),
      });
      expect(first.seeded).toBe(true);
      const seeded = await counts();
      expect(seeded).toEqual({
        categories: DEMO_CATEGORIES.length,
        products: DEMO_PRODUCTS.length,
        skus: DEMO_PRODUCTS.reduce((n, p) => n + p.skus.length, 0),
        banners: DEMO_BANNERS.length,
      });
      // The seeded store is served like any other: the T恤 the journeys search for is found.
      const found = await first.services.catalogue.listProducts({ keyword: 'T恤', sort: 'newest', page: 1, pageSize: 50, statuses: ['on_sale'] });
      expect(found.total).toBe(DEMO_PRODUCTS.filter((p) => [p.title, p.subtitle, ...p.tags].some((t) => t.includes('T恤'))).length);
      await first.stop();

      const second = await startLoopmall(config, log, { db: db.target });
      expect(second.seeded).toBe(false);
      expect(await second.ds.getRepository(Product).count()).toBe(seeded.products);
      await second.stop();
    } finally {
      await db.drop();
    }
  });
});
