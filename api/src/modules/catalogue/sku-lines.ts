/**
 * Checkout's line source: the SKUs of quotes and placements with their products, read in batches
 * (platform/batch-read.ts). Every SKU asked for while the event loop works through one round of
 * ready sockets is read by one `WHERE s.id IN (…)` that runs once the round is over. A sell-out
 * burst of 250 placements of one SKU then costs a few SKU reads instead of 250, so the burst no
 * longer queues for pool connections (or overflows the queue into 503s) before the placement gate.
 *
 * Why a batch and never a read already in flight: the stock contributor records each placement's
 * admission (its time and the SKU's committed count) before it asks for its lines, and judges the
 * stock it gets as read after that moment (a sold-out mark must not predate a clear; the gate
 * counts commits since the read). A batch is sent after every request in it was admitted, so that
 * holds; joining a read sent earlier would not.
 *
 * Inside a transaction the read stays the caller's own (its snapshot and locks): not batched.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { BatchRead } from '../../platform/batch-read';
import type { Product, Sku } from './catalogue.entities';
import { loadSkusWithProducts } from './stock';

interface SkuLine {
  sku: Sku;
  product: Product | undefined;
}

/** A SKU the batch did not find: answered as absent, as the unbatched read does. */
class NoSuchSku extends Error {}

export function batchedSkuLines(ds: DataSource, maxBatch = 100) {
  const batch = new BatchRead<number, SkuLine>(
    async (ids) => {
      const { skus, products } = await loadSkusWithProducts(ds.manager, ids);
      return new Map([...skus].map(([id, sku]) => [id, { sku, product: products.get(sku.productId) }]));
    },
    { maxBatch, missing: () => new NoSuchSku() },
  );
  return async (m: EntityManager, skuIds: readonly number[]): Promise<{ skus: Map<number, Sku>; products: Map<number, Product> }> => {
    if (m.queryRunner) return loadSkusWithProducts(m, skuIds);
    const found = await Promise.all(skuIds.map((id) => batch.load(id).catch((err) => (err instanceof NoSuchSku ? null : Promise.reject(err)))));
    const skus = new Map<number, Sku>();
    const products = new Map<number, Product>();
    for (const line of found) {
      if (!line) continue;
      skus.set(line.sku.id, line.sku);
      if (line.product) products.set(line.product.id, line.product);
    }
    return { skus, products };
  };
}
