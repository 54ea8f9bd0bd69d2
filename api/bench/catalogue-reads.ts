/**
 * What bench:catalogue asks the database for when it goes around the API: the reads each shopper
 * endpoint needs, written by hand with bare mysql2 (no TypeORM, no HTTP, no JSON). Kept apart
 * from the API's own SQL on purpose, so the benchmark can also measure older versions of it.
 */
import type mysql from 'mysql2/promise';

export type ReadKind = 'list' | 'detail' | 'home';

export interface Ids {
  categoryIds: number[];
  productIds: number[];
}

type Pick = <T>(xs: readonly T[]) => T;

const ORDER: Record<string, string> = {
  newest: 'created_at DESC, id DESC',
  price_asc: 'min_price_fen ASC, id ASC',
  price_desc: 'min_price_fen DESC, id DESC',
  sales: 'sales_count DESC, id DESC',
};

export const BARE_READS: Record<ReadKind, (db: mysql.Pool, ids: Ids, pick: Pick, sorts: readonly string[]) => Promise<unknown>> = {
  list: (db, ids, pick, sorts) => {
    const categoryId = pick(ids.categoryIds);
    return Promise.all([
      db.query(
        `SELECT id, category_id, title, subtitle, images, tags, min_price_fen, min_original_price_fen, sales_count FROM product
         WHERE status = 'on_sale' AND category_id = ? ORDER BY ${ORDER[pick(sorts)]} LIMIT 20 OFFSET 0`,
        [categoryId],
      ),
      db.query(`SELECT COUNT(*) AS n FROM product WHERE status = 'on_sale' AND category_id = ?`, [categoryId]),
    ]);
  },
  detail: (db, ids, pick) => {
    const id = pick(ids.productIds);
    return Promise.all([
      db.query(
        `SELECT id, category_id, title, subtitle, images, tags, min_price_fen, min_original_price_fen, sales_count, description, specs, status FROM product WHERE id = ?`,
        [id],
      ),
      db.query(`SELECT id, specs, price_fen, original_price_fen, stock, status FROM sku WHERE product_id = ? AND status = 'on_sale' ORDER BY id`, [id]),
    ]);
  },
  home: (db) =>
    Promise.all([
      db.query(`SELECT id, title, image, product_id FROM banner WHERE active = 1 ORDER BY sort, id LIMIT 10`),
      db.query(`SELECT id, name, icon, sort FROM category ORDER BY sort, id`),
    ]),
};
