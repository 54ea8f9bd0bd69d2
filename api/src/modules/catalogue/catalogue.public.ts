/**
 * The shopper's public catalogue answers (首页, 分类, product lists and search, product detail),
 * coalesced per process: identical reads in flight share one database read, and its serialized
 * answer (JSON and ETag, written once) answers that same query for up to CATALOGUE_CACHE_MS
 * (≤ 1 s). So a page may show stock or sales up to that long late; the cart, the quote and the
 * checkout never come here (they read the database through loadSkusWithProducts), nor do HQ
 * reads or other modules, which call CatalogueService directly.
 */
import type { z } from 'zod';
import { PreparedAnswer } from '../../http/cacheable';
import { Coalescer } from '../../platform/coalesce';
import type { ProductListQuery } from './catalogue.schema';
import type { CatalogueService } from './catalogue.service';

/**
 * Bounds memory: a detail answer is a few KiB (up to ~20 KiB with a long description), so a
 * full cache stays in tens of MiB at worst; the bench's 2,000 products fit.
 */
const MAX_ANSWERS = 2000;

export class PublicCatalogue {
  private readonly answers: Coalescer<PreparedAnswer>;

  constructor(
    private readonly catalogue: CatalogueService,
    opts: { ttlMs: number; now: () => Date },
  ) {
    this.answers = new Coalescer({ ttlMs: opts.ttlMs, maxEntries: MAX_ANSWERS, now: () => opts.now().getTime() });
  }

  home(): Promise<PreparedAnswer> {
    return this.answer('home', () => this.catalogue.home());
  }

  categories(): Promise<PreparedAnswer> {
    return this.answer('categories', () => this.catalogue.categories());
  }

  /** Keyed by the whole query after validation (defaults filled, keyword trimmed, page size capped). */
  products(q: z.output<typeof ProductListQuery>): Promise<PreparedAnswer> {
    const key = `products:${JSON.stringify([q.categoryId ?? null, q.keyword || null, q.sort, q.page, q.pageSize])}`;
    return this.answer(key, () => this.catalogue.listProducts({ ...q, statuses: ['on_sale'] }));
  }

  product(id: number): Promise<PreparedAnswer> {
    return this.answer(`product:${id}`, () => this.catalogue.productDetail(id, { shopper: true }));
  }

  /**
   * An HQ change made through this process (price, shelf status, product, SKU, stock, category,
   * banner) shows at its next read: drop every kept answer. Other processes see it within their TTL.
   */
  changed(): void {
    this.answers.clear();
  }

  private answer(key: string, read: () => Promise<unknown>): Promise<PreparedAnswer> {
    return this.answers.get(key, async () => PreparedAnswer.of(await read()));
  }
}
