/**
 * Bulk data for bench:insight, in SQL on MariaDB (its seq_1_to_N sequence tables): stores and
 * guides, members, paid orders spread over the last 365 Beijing days (a share attributed to
 * guides, some partly refunded), and the metrics' aggregates built from those orders the way the
 * handlers would have left them. Columns the bench does not care about are filled by type.
 */
import type mysql from 'mysql2/promise';

const CHUNK = 200_000;
const PRODUCTS = 300;

/** `col = expr` for every NOT NULL column without a default that `given` leaves out. */
async function fill(db: mysql.Connection, table: string, given: Record<string, string>): Promise<{ cols: string; exprs: string }> {
  const [rows] = await db.query<mysql.RowDataPacket[]>(
    'SELECT COLUMN_NAME AS c, DATA_TYPE AS t, IS_NULLABLE AS n, COLUMN_DEFAULT AS d, EXTRA AS e FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
    [table],
  );
  const all = { ...given };
  for (const r of rows) {
    if (r.c in all || r.e.includes('auto_increment') || r.n === 'YES' || r.d !== null) continue;
    all[r.c] = /int|decimal/.test(r.t) ? '0' : /date|time/.test(r.t) ? 'NOW(3)' : r.t === 'text' || r.t === 'longtext' ? "'[]'" : "''";
  }
  return { cols: Object.keys(all).join(', '), exprs: Object.values(all).join(', ') };
}

async function inChunks(total: number, run: (from: number, to: number) => Promise<unknown>): Promise<void> {
  for (let from = 1; from <= total; from += CHUNK) await run(from, Math.min(total, from + CHUNK - 1));
}

export interface BenchShape {
  stores: number;
  guides: number;
  members: number;
  orders: number;
}

export async function generate(db: mysql.Connection, s: BenchShape): Promise<{ firstGuide: number; firstMember: number }> {
  const store = await fill(db, 'store', { name: "CONCAT('压测门店', seq)", code: "CONCAT('BS', seq)", city: "'上海'", created_at: 'NOW(3)' });
  await db.query(`INSERT INTO store (${store.cols}) SELECT ${store.exprs} FROM seq_1_to_${s.stores}`);
  const [[{ firstStore }]] = await db.query<mysql.RowDataPacket[]>('SELECT MIN(id) AS firstStore FROM store');
  const guide = await fill(db, 'guide', { name: "CONCAT('导购', seq)", wecom_user_id: "CONCAT('bench.', seq)", store_id: `${firstStore} + seq % ${s.stores}`, status: "'active'" });
  await db.query(`INSERT INTO guide (${guide.cols}) SELECT ${guide.exprs} FROM seq_1_to_${s.guides}`);
  const [[{ firstGuide }]] = await db.query<mysql.RowDataPacket[]>('SELECT MIN(id) AS firstGuide FROM guide');

  const member = await fill(db, 'member', { openid: "CONCAT('bench-', seq)", created_at: 'NOW(3) - INTERVAL (seq % 400) DAY', last_login_at: 'NOW(3)' });
  await inChunks(s.members, (a, b) => db.query(`INSERT INTO member (${member.cols}) SELECT ${member.exprs} FROM seq_1_to_${s.members} WHERE seq BETWEEN ${a} AND ${b}`));
  const [[{ firstMember }]] = await db.query<mysql.RowDataPacket[]>('SELECT MIN(id) AS firstMember FROM member');

  const paidAt = 'NOW(3) - INTERVAL (1 + seq % 365) DAY - INTERVAL (seq * 7 % 86400) SECOND';
  const order = await fill(db, 'shop_order', {
    order_no: "CONCAT('B', seq)",
    member_id: `${firstMember} + (seq * 7919) % ${s.members}`,
    status: "'completed'",
    kind: "'normal'",
    payable_fen: '5000 + (seq * 37) % 30000',
    refunded_fen: 'CASE WHEN seq % 20 = 0 THEN 2500 ELSE 0 END',
    guide_id: `CASE WHEN seq % 3 = 0 THEN NULL ELSE ${firstGuide} + seq % ${s.guides} END`,
    paid_at: paidAt,
    created_at: paidAt,
    completed_at: paidAt,
  });
  await inChunks(s.orders, (a, b) => db.query(`INSERT INTO shop_order (${order.cols}) SELECT ${order.exprs} FROM seq_1_to_${s.orders} WHERE seq BETWEEN ${a} AND ${b}`));
  // One line per order (概览's top products read them): PRODUCTS products, the line worth the order.
  const [[{ lo, hi }]] = await db.query<mysql.RowDataPacket[]>("SELECT MIN(id) AS lo, MAX(id) AS hi FROM shop_order WHERE order_no LIKE 'B%'");
  const line = await fill(db, 'order_line', {
    order_id: 'o.id',
    sku_id: `1 + o.id % ${PRODUCTS}`,
    product_id: `1 + o.id % ${PRODUCTS}`,
    title: `CONCAT('压测商品', 1 + o.id % ${PRODUCTS})`,
    spec_label: "''",
    unit_price_fen: 'o.payable_fen',
    quantity: '1 + o.id % 3',
    subtotal_fen: 'o.payable_fen',
    payable_fen: 'o.payable_fen',
  });
  for (let a = Number(lo); a <= Number(hi); a += CHUNK) {
    await db.query(`INSERT INTO order_line (${line.cols}) SELECT ${line.exprs} FROM shop_order o WHERE o.id BETWEEN ${a} AND ${Math.min(Number(hi), a + CHUNK - 1)}`);
  }
  await db.query('ANALYZE TABLE shop_order, order_line, member');
  return { firstGuide, firstMember };
}

const DAY = "DATE_FORMAT(o.paid_at + INTERVAL 8 HOUR, '%Y-%m-%d')";
const SCOPES = [
  { kind: 'chain', id: '0', where: '1 = 1' },
  { kind: 'store', id: 'store_id', where: 'store_id IS NOT NULL' },
  { kind: 'guide', id: 'guide_id', where: 'guide_id IS NOT NULL' },
];
const PERIODS = [
  { key: "CONCAT('D', day)", recent: 'day >= DATE_FORMAT(NOW() - INTERVAL 35 DAY, \'%Y-%m-%d\')' },
  { key: "CONCAT('W', DATE_FORMAT(DATE_SUB(day, INTERVAL WEEKDAY(day) DAY), '%Y-%m-%d'))", recent: 'day >= DATE_FORMAT(NOW() - INTERVAL 14 DAY, \'%Y-%m-%d\')' },
  { key: "CONCAT('M', LEFT(day, 7))", recent: "LEFT(day, 7) = DATE_FORMAT(NOW() + INTERVAL 8 HOUR, '%Y-%m')" },
];

/**
 * The aggregates as the handlers would have left them: metric_order, metric_daily and
 * metric_period for the whole year; metric_member rows only for the recent periods (what the
 * incremental updates and the nightly recount touch; reads never do).
 */
export async function buildAggregates(db: mysql.Connection): Promise<void> {
  await db.query(
    `INSERT INTO metric_order (order_id, day, member_id, guide_id, store_id, payable_fen, refund_fen, first_purchase)
     SELECT o.id, ${DAY}, o.member_id, o.guide_id, g.store_id, o.payable_fen, o.refunded_fen, 0 FROM shop_order o LEFT JOIN guide g ON g.id = o.guide_id WHERE o.paid_at IS NOT NULL`,
  );
  await db.query(
    `UPDATE metric_order mo JOIN (SELECT member_id, MIN(order_id) AS first FROM metric_order GROUP BY member_id) f ON f.first = mo.order_id SET mo.first_purchase = 1`,
  );
  for (const s of SCOPES) {
    await db.query(
      `INSERT INTO metric_daily (day, scope_kind, scope_id, new_members, paid_orders, gmv_fen, refund_fen, guide_orders, guide_gmv_fen, first_purchases, groups_succeeded, groups_failed, coupons_used, coupon_fen, points_spent)
       SELECT day, '${s.kind}', ${s.id}, 0, COUNT(*), SUM(payable_fen), SUM(refund_fen), SUM(guide_id IS NOT NULL), SUM(CASE WHEN guide_id IS NULL THEN 0 ELSE payable_fen END), SUM(first_purchase), 0, 0, 0, 0, 0
         FROM metric_order WHERE ${s.where} GROUP BY day${s.kind === 'chain' ? '' : `, ${s.id}`}`,
    );
    for (const p of PERIODS) {
      await db.query(
        `INSERT INTO metric_period (period, scope_kind, scope_id, active_members, signed_in_members, paying_members, repeat_members)
         SELECT period, '${s.kind}', sid, COUNT(*), 0, COUNT(*), SUM(n >= 2) FROM
           (SELECT ${p.key} AS period, ${s.id} AS sid, member_id, COUNT(*) AS n FROM metric_order WHERE ${s.where} GROUP BY period, sid, member_id) x
         GROUP BY period, sid`,
      );
      await db.query(
        `INSERT INTO metric_member (period, scope_kind, scope_id, member_id, active, signed_in, paid_orders)
         SELECT ${p.key} AS period, '${s.kind}', ${s.id} AS sid, member_id, 1, 0, LEAST(COUNT(*), 2) FROM metric_order WHERE ${s.where} AND ${p.recent} GROUP BY period, sid, member_id`,
      );
    }
  }
  await db.query(
    `INSERT INTO metric_daily (day, scope_kind, scope_id, new_members, paid_orders, gmv_fen, refund_fen, guide_orders, guide_gmv_fen, first_purchases, groups_succeeded, groups_failed, coupons_used, coupon_fen, points_spent)
     SELECT DATE_FORMAT(created_at + INTERVAL 8 HOUR, '%Y-%m-%d') AS d, 'chain', 0, COUNT(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM member GROUP BY d
     ON DUPLICATE KEY UPDATE new_members = VALUES(new_members)`,
  );
}

/**
 * 概览's product rows of the last 31 days as its OrderPaid handler would have left them (skipped
 * on a schema without them: BENCH_API_ROOT at code from before they existed).
 */
export async function buildOverviewProducts(db: mysql.Connection): Promise<boolean> {
  const [[{ n }]] = await db.query<mysql.RowDataPacket[]>("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'overview_order'");
  if (!Number(n)) return false;
  const recent = 'o.paid_at >= UTC_TIMESTAMP(3) - INTERVAL 32 DAY';
  await db.query(`INSERT INTO overview_order (order_id, day) SELECT o.id, ${DAY} FROM shop_order o WHERE ${recent}`);
  for (const [kind, id, where, by] of [['chain', '0', '1 = 1', ''], ['guide', 'o.guide_id', 'o.guide_id IS NOT NULL', 'o.guide_id, ']]) {
    await db.query(
      `INSERT INTO overview_product_daily (scope_kind, scope_id, day, product_id, title, quantity, payable_fen)
       SELECT '${kind}', ${id}, ${DAY} AS d, l.product_id, MAX(l.title), SUM(l.quantity), SUM(l.payable_fen)
         FROM shop_order o JOIN order_line l ON l.order_id = o.id WHERE ${recent} AND ${where} GROUP BY ${by}d, l.product_id`,
    );
  }
  return true;
}

/** `n` new orders paid now, copied from existing orders' members and guides; answers their ids. */
export async function newPaidOrders(db: mysql.Connection, n: number): Promise<number[]> {
  const [[{ maxId }]] = await db.query<mysql.RowDataPacket[]>('SELECT MAX(id) AS maxId FROM shop_order');
  const f = await fill(db, 'shop_order', {
    order_no: "CONCAT('N', seq)",
    member_id: 'o.member_id',
    status: "'paid'",
    kind: "'normal'",
    payable_fen: 'o.payable_fen',
    refunded_fen: '0',
    guide_id: 'o.guide_id',
    paid_at: 'NOW(3)',
    created_at: 'NOW(3)',
  });
  await db.query(`INSERT INTO shop_order (${f.cols}) SELECT ${f.exprs} FROM shop_order o JOIN seq_1_to_${n} ON o.id = ${maxId} - seq * 97`);
  const l = await fill(db, 'order_line', { order_id: 'o.id', sku_id: 'l.sku_id', product_id: 'l.product_id', title: 'l.title', spec_label: "''", unit_price_fen: 'l.unit_price_fen', quantity: 'l.quantity', subtotal_fen: 'l.subtotal_fen', payable_fen: 'l.payable_fen' });
  await db.query(`INSERT INTO order_line (${l.cols}) SELECT ${l.exprs} FROM shop_order o JOIN order_line l ON l.order_id = ${maxId} - CAST(SUBSTRING(o.order_no, 2) AS UNSIGNED) * 97 WHERE o.id > ${maxId}`);
  const [rows] = await db.query<mysql.RowDataPacket[]>('SELECT id FROM shop_order WHERE id > ?', [maxId]);
  return rows.map((r) => Number(r.id));
}
