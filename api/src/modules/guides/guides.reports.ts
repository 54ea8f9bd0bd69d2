/**
 * HQ reports: GMV, orders and commission by guide and store over a period; add-after-first-purchase;
 * the funnel. Guides' own tables are queried here; the orders' figures come from the orders
 * module's report port (orders owns shop_order).
 */
import type { DataSource } from 'typeorm';
import type { OrderFacts } from '../orders';

export interface Period {
  from: Date;
  to: Date;
}

const num = (v: unknown) => Number(v ?? 0);
/** A UTC DATETIME literal both databases compare correctly with stored values (raw queries do not convert Dates on SQLite). */
const dt = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');
/** A DATETIME from a raw query: a Date on MySQL (timezone Z), a UTC 'YYYY-MM-DD HH:MM:SS.sss' string on SQLite. */
const fromDb = (v: Date | string) => (typeof v === 'string' ? new Date(`${v.replace(' ', 'T')}Z`) : new Date(v));

type OrderReportPort = Pick<OrderFacts, 'reportFacts' | 'paidTimesOf'>;

export class GuidesReports {
  constructor(
    private readonly ds: DataSource,
    private readonly orders: OrderReportPort,
  ) {}

  /** Paid orders attributed in the period, per guide (GMV = payable − refunded), with commission figures. */
  async byGuide(p: Period): Promise<{ guideId: number; storeId: number | null; orders: number; gmvFen: number; heldFen: number; releasedFen: number; reversedFen: number; wecomAdds: number; addedAfterFirstPurchase: number; addAfterFirstPurchaseRate: number }[]> {
    // Attributed orders of the period with their commission (guides' tables), then the orders' own
    // figures from orders; only paid ones count, GMV net of refunds.
    const attributed: { orderId: number; guideId: number; storeId: number | null; held: number; released: number; reversed: number }[] = await this.ds.query(
      `SELECT a.order_id AS orderId, a.guide_id AS guideId, a.store_id AS storeId,
              COALESCE(c.held_fen, 0) AS held, COALESCE(c.released_fen, 0) AS released, COALESCE(c.reversed_fen, 0) AS reversed
         FROM order_attribution a LEFT JOIN commission_account c ON c.order_id = a.order_id
        WHERE a.guide_id IS NOT NULL AND a.created_at >= ? AND a.created_at < ?`,
      [dt(p.from), dt(p.to)],
    );
    const facts = await this.orders.reportFacts(attributed.map((r) => num(r.orderId)));
    const grouped = new Map<string, { guideId: number; storeId: number | null; orders: number; gmv: number; held: number; released: number; reversed: number }>();
    for (const r of attributed) {
      const f = facts.get(num(r.orderId));
      if (!f?.paid) continue;
      const storeId = r.storeId === null ? null : num(r.storeId);
      const key = `${num(r.guideId)}:${storeId}`;
      const g = grouped.get(key) ?? { guideId: num(r.guideId), storeId, orders: 0, gmv: 0, held: 0, released: 0, reversed: 0 };
      g.orders += 1;
      g.gmv += f.netFen;
      g.held += num(r.held);
      g.released += num(r.released);
      g.reversed += num(r.reversed);
      grouped.set(key, g);
    }
    const orders = [...grouped.values()];
    const adds = await this.ds.query(
      `SELECT guide_id AS guideId, COUNT(*) AS adds, SUM(CASE WHEN after_first_purchase THEN 1 ELSE 0 END) AS afterFirst
         FROM wecom_contact WHERE added_at >= ? AND added_at < ? GROUP BY guide_id`,
      [dt(p.from), dt(p.to)],
    );
    // Prompts shown per guide: shoppers whose first-purchase prompt showed this guide's card.
    const prompts = await this.ds.query(
      `SELECT b.guide_id AS guideId, COUNT(*) AS prompts FROM guide_prompt g JOIN guide_binding b ON b.member_id = g.member_id
        WHERE g.shown_at >= ? AND g.shown_at < ? GROUP BY b.guide_id`,
      [dt(p.from), dt(p.to)],
    );
    const addMap = new Map<number, { adds: number; afterFirst: number }>(adds.map((r: any) => [num(r.guideId), { adds: num(r.adds), afterFirst: num(r.afterFirst) }]));
    const promptMap = new Map<number, number>(prompts.map((r: any) => [num(r.guideId), num(r.prompts)]));
    const ids = new Set<number>([...orders.map((r) => r.guideId), ...addMap.keys()]);
    return [...ids].map((guideId) => {
      const o = orders.find((r) => r.guideId === guideId);
      const a = addMap.get(guideId) ?? { adds: 0, afterFirst: 0 };
      const shown = promptMap.get(guideId) ?? 0;
      return {
        guideId,
        storeId: o ? o.storeId : null,
        orders: num(o?.orders),
        gmvFen: num(o?.gmv),
        heldFen: num(o?.held),
        releasedFen: num(o?.released),
        reversedFen: num(o?.reversed),
        wecomAdds: a.adds,
        addedAfterFirstPurchase: a.afterFirst,
        addAfterFirstPurchaseRate: shown ? Math.round((a.afterFirst / shown) * 10_000) / 10_000 : 0,
      };
    });
  }

  /** Per store: the sum of its guides' rows. */
  async byStore(p: Period): Promise<{ storeId: number | null; orders: number; gmvFen: number; releasedFen: number; heldFen: number; reversedFen: number }[]> {
    const rows = await this.byGuide(p);
    const out = new Map<number | null, { storeId: number | null; orders: number; gmvFen: number; releasedFen: number; heldFen: number; reversedFen: number }>();
    for (const r of rows) {
      const s = out.get(r.storeId) ?? { storeId: r.storeId, orders: 0, gmvFen: 0, releasedFen: 0, heldFen: 0, reversedFen: 0 };
      s.orders += r.orders;
      s.gmvFen += r.gmvFen;
      s.releasedFen += r.releasedFen;
      s.heldFen += r.heldFen;
      s.reversedFen += r.reversedFen;
      out.set(r.storeId, s);
    }
    return [...out.values()];
  }

  /** Shoppers touched in the period → of them, with a paid order after the first touch → with two or more. */
  async funnel(p: Period): Promise<{ touched: number; firstPurchase: number; repeatPurchase: number }> {
    const touched: { memberId: number; firstAt: Date | string }[] = await this.ds.query(
      `SELECT member_id AS memberId, MIN(created_at) AS firstAt FROM guide_touch WHERE created_at >= ? AND created_at < ? GROUP BY member_id`,
      [dt(p.from), dt(p.to)],
    );
    const paidTimes = await this.orders.paidTimesOf(touched.map((t) => num(t.memberId)));
    // Paid orders of each touched shopper at or after their first touch.
    const rows = touched.map((t) => {
      const first = fromDb(t.firstAt).getTime();
      return { paid: (paidTimes.get(num(t.memberId)) ?? []).filter((at) => at.getTime() >= first).length };
    });
    return {
      touched: rows.length,
      firstPurchase: rows.filter((r) => r.paid >= 1).length,
      repeatPurchase: rows.filter((r) => r.paid >= 2).length,
    };
  }
}
