/**
 * The shopper's public catalogue answers (首页, 分类, product lists and search, product detail),
 * coalesced per process: identical reads in flight share one database read, and its serialized
 * answer (JSON and ETag, written once) answers that same query for up to CATALOGUE_CACHE_MS
 * (≤ 1 s). Details of different products asked at once are read together (platform/batch-read.ts),
 * which adds no delay beyond the current turn of the event loop.
 * So a page may show stock or sales up to the TTL late; the cart, the quote and the
 * checkout never come here (they read the database through loadSkusWithProducts), nor do HQ
 * reads or other modules, which call CatalogueService directly.
 */
import type { z } from 'zod';
import type { ProductDetailDto } from '@common/catalogue/types';
import { AppError } from '../../http/app-error';
import { PreparedAnswer } from '../../http/cacheable';
import { BatchRead } from '../../platform/batch-read';
import { Coalescer } from '../../platform/coalesce';
import type { ProductListQuery } from './catalogue.schema';
import type { CatalogueService } from './catalogue.service';

/**
 * Bounds memory: a detail answer is a few KiB (up to ~20 KiB with a long description), so a
 * full cache stays in tens of MiB at worst; the bench's 2,000 products fit.
 */
const MAX_ANSWERS = 2000;

/** Details read together at most: two `IN (…)` reads of up to this many ids. */
const MAX_DETAIL_BATCH = 100;

export class PublicCatalogue {
  private readonly answers: Coalescer<PreparedAnswer>;
  /**
   * Details of different products asked at once share two reads (a random product per request
   * rarely repeats within the TTL, so the cache alone leaves one read pair per request).
   */
  private readonly details: BatchRead<number, ProductDetailDto>;

  constructor(
    private readonly catalogue: CatalogueService,
    opts: { ttlMs: number; now: () => Date },
  ) {
    this.answers = new Coalescer({ ttlMs: opts.ttlMs, maxEntries: MAX_ANSWERS, now: () => opts.now().getTime() });
    this.details = new BatchRead((ids) => catalogue.shopperDetails(ids), {
      maxBatch: MAX_DETAIL_BATCH,
      missing: (id) => new AppError('PRODUCT_NOT_FOUND', `product ${id}`),
    });
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
    return this.answer(`product:${id}`, () => this.details.load(id));
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
