/**
 * bench:hq's data: a chain at scale on MariaDB, written with INSERT … SELECT from MariaDB's
 * SEQUENCE engine (seq_1_to_N), one statement per 100,000 rows, so generating a million orders
 * takes a few minutes at most. Generated once per database and kept: a database that already
 * holds the data at this size is reused (its dates shifted so the newest order is recent again).
 *
 * The shape: STORES stores of GUIDES_PER_STORE guides, PRODUCTS products of one SKU, MEMBERS
 * members with an address each (phone 13800000000 + id) and a nickname from a few common
 * prefixes, 60% bound to a guide; ORDERS orders of one line each spread over DAYS days, 60%
 * attributed to a guide, most completed.
 */
import type { Connection } from 'mysql2/promise';

export const SIZE = {
  stores: 50,
  guidesPerStore: 10,
  products: 200,
  members: 200_000,
  orders: 1_000_000,
  days: 730,
};
const GUIDES = SIZE.stores * SIZE.guidesPerStore;
/** Seconds between two orders, so ORDERS orders fill DAYS days. */
const ORDER_GAP_S = Math.floor((SIZE.days * 86_400) / SIZE.orders);
const CHUNK = 100_000;

/** Nickname prefixes: a search for one of them matches 1/NICKS of the members. */
export const NICKS = ['小明', '阿花', '大伟', 'Amy', '晓燕', '老王', 'Kevin', '静静', '阿杰', '丽丽'];
const NICK_SQL = `ELT(1 + MOD(s.seq, ${NICKS.length}), ${NICKS.map((n) => `'${n}'`).join(', ')})`;
/** 10% cancelled, 5% paid, 10% shipped, 75% completed. */
const STATUS_SQL = `ELT(1 + MOD(s.seq, 20), 'cancelled', 'cancelled', 'paid', 'shipped', 'shipped', ${Array(15).fill("'completed'").join(', ')})`;

export const phoneOf = (memberId: number) => String(13_800_000_000 + memberId);
export const orderNoOf = (n: number) => `B${String(n).padStart(12, '0')}`;

async function count(db: Connection, table: string): Promise<number> {
  const [rows] = await db.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number((rows as { n: number }[])[0].n);
}

/** Rows [from, to] of the sequence in chunks, each an INSERT … SELECT; prints progress. */
async function chunked(db: Connection, label: string, total: number, sql: (from: number, to: number) => string): Promise<void> {
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await db.query(sql(from, to));
    process.stdout.write(`\r  ${label}: ${to.toLocaleString()} / ${total.toLocaleString()}`);
  }
  process.stdout.write('\n');
}

const seq = (from: number, to: number) => `seq_${from}_to_${to} s`;

/** Makes sure the database holds the bench data; answers whether it had to generate it. */
export async function ensureHqData(db: Connection): Promise<boolean> {
  if ((await count(db, 'shop_order')) === SIZE.orders && (await count(db, 'member')) === SIZE.members) {
    await refreshDates(db);
    return false;
  }
  const started = Date.now();
  console.log('generating bench data (once per database)…');
  await db.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  for (const t of ['order_line', 'shop_order', 'guide_binding', 'address', 'member', 'guide', 'store', 'sku', 'product', 'category']) await db.query(`TRUNCATE TABLE ${t}`);
  // Every date is relative to now (UTC, as the API stores them).
  await db.query("INSERT INTO category (id, name, sort, created_at, updated_at) VALUES (1, '压测分类', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  await db.query(`INSERT INTO store (id, name, code, city, created_at) SELECT s.seq, CONCAT('门店', s.seq), CONCAT('BS', s.seq), '深圳', UTC_TIMESTAMP(3) FROM ${seq(1, SIZE.stores)}`);
  await db.query(
    `INSERT INTO guide (id, name, wecom_user_id, store_id, status, created_at)
     SELECT s.seq, CONCAT('导购', s.seq), CONCAT('bench-guide-', s.seq), 1 + MOD(s.seq - 1, ${SIZE.stores}), 'active', UTC_TIMESTAMP(3) FROM ${seq(1, GUIDES)}`,
  );
  await db.query(
    `INSERT INTO product (id, category_id, title, subtitle, images, description, tags, specs, status, min_price_fen, sales_count, created_at, updated_at)
     SELECT s.seq, 1, CONCAT('压测商品', s.seq), '', '[]', '', '[]', '[]', 'on_sale', 1000 + s.seq * 10, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) FROM ${seq(1, SIZE.products)}`,
  );
  await db.query(
    `INSERT INTO sku (id, product_id, spec_key, specs, price_fen, stock, status, created_at, updated_at)
     SELECT s.seq, s.seq, '', '{}', 1000 + s.seq * 10, 100000, 'on_sale', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) FROM ${seq(1, SIZE.products)}`,
  );
  const memberGap = Math.floor((SIZE.days * 86_400) / SIZE.members);
  const memberAge = `UTC_TIMESTAMP(3) - INTERVAL ${SIZE.members * memberGap} SECOND + INTERVAL s.seq * ${memberGap} SECOND`;
  await chunked(db, 'members', SIZE.members, (from, to) =>
    `INSERT INTO member (id, openid, nickname, created_at, last_login_at)
     SELECT s.seq, CONCAT('bench-openid-', s.seq), CONCAT(${NICK_SQL}, s.seq), ${memberAge}, ${memberAge} FROM ${seq(from, to)}`,
  );
  await chunked(db, 'addresses', SIZE.members, (from, to) =>
    `INSERT INTO address (id, member_id, name, phone, province, city, district, detail, is_default, created_at, updated_at)
     SELECT s.seq, s.seq, '收货人', 13800000000 + s.seq, '广东省', '深圳市', '南山区', '科技园 1 号', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) FROM ${seq(from, to)}`,
  );
  await chunked(db, 'bindings', SIZE.members, (from, to) =>
    `INSERT INTO guide_binding (member_id, guide_id, source, bound_at, version)
     SELECT s.seq, 1 + MOD(s.seq, ${GUIDES}), 'share', UTC_TIMESTAMP(3), 1 FROM ${seq(from, to)} WHERE MOD(s.seq, 5) < 3`,
  );
  // Order n: member 1 + (n * 7919) mod MEMBERS, created n * GAP seconds after the start (the last one now), so ids
  // and dates rise together as they do in production.
  const member = `1 + MOD(s.seq * 7919, ${SIZE.members})`;
  const created = `UTC_TIMESTAMP(3) - INTERVAL ${SIZE.orders * ORDER_GAP_S} SECOND + INTERVAL s.seq * ${ORDER_GAP_S} SECOND`;
  const price = `1000 + (1 + MOD(s.seq, ${SIZE.products})) * 10`;
  await chunked(db, 'orders', SIZE.orders, (from, to) =>
    `INSERT INTO shop_order (id, order_no, member_id, status, kind, goods_fen, discount_fen, freight_fen, payable_fen, refunded_fen, item_count,
       adjustments, address, remark, guide_id, paid_at, shipped_at, completed_at, cancelled_at, created_at, updated_at, receiver_phone)
     SELECT s.seq, CONCAT('B', LPAD(s.seq, 12, '0')), ${member}, ${STATUS_SQL}, IF(MOD(s.seq, 25) = 0, 'group_seat', 'normal'),
       ${price}, 0, 0, ${price}, 0, 1, '[]',
       CONCAT('{"name":"收货人","phone":"', 13800000000 + ${member}, '","province":"广东省","city":"深圳市","district":"南山区","detail":"科技园 1 号"}'),
       '', IF(MOD(s.seq, 5) < 3, 1 + MOD(s.seq, ${GUIDES}), NULL),
       IF(MOD(s.seq, 20) >= 2, ${created} + INTERVAL 60 SECOND, NULL),
       IF(MOD(s.seq, 20) >= 3, ${created} + INTERVAL 1 DAY, NULL),
       IF(MOD(s.seq, 20) >= 5, ${created} + INTERVAL 4 DAY, NULL),
       IF(MOD(s.seq, 20) < 2, ${created} + INTERVAL 15 MINUTE, NULL),
       ${created}, ${created}, 13800000000 + ${member}
     FROM ${seq(from, to)}`,
  );
  await chunked(db, 'order lines', SIZE.orders, (from, to) =>
    `INSERT INTO order_line (id, order_id, sku_id, product_id, title, spec_label, unit_price_fen, quantity, subtotal_fen, discount_fen, payable_fen)
     SELECT s.seq, s.seq, 1 + MOD(s.seq, ${SIZE.products}), 1 + MOD(s.seq, ${SIZE.products}), CONCAT('压测商品', 1 + MOD(s.seq, ${SIZE.products})), '',
       ${price}, 1, ${price}, 0, ${price} FROM ${seq(from, to)}`,
  );
  await db.query('SET SESSION foreign_key_checks = 1, unique_checks = 1');
  for (const t of ['shop_order', 'order_line', 'member', 'address']) await db.query(`ANALYZE TABLE ${t}`);
  console.log(`generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return true;
}

/** Cached data from an earlier day: every order and member moved forward so the newest is now. */
async function refreshDates(db: Connection): Promise<void> {
  const [rows] = await db.query('SELECT TIMESTAMPDIFF(SECOND, MAX(created_at), UTC_TIMESTAMP()) AS lag FROM shop_order');
  const lag = Number((rows as { lag: number }[])[0].lag);
  if (lag < 6 * 3600) return;
  console.log(`moving the cached data ${Math.round(lag / 3600)} h forward…`);
  const shift = (c: string) => `${c} = ${c} + INTERVAL ${lag} SECOND`;
  await db.query(`UPDATE shop_order SET ${['created_at', 'updated_at', 'paid_at', 'shipped_at', 'completed_at', 'cancelled_at'].map(shift).join(', ')}`);
  await db.query(`UPDATE member SET ${['created_at', 'last_login_at'].map(shift).join(', ')}`);
}
