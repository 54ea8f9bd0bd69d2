/** HQ reports: GMV, orders and commission by guide and store over a period; add-after-first-purchase; the funnel. */
import type { DataSource } from 'typeorm';

export interface Period {
  from: Date;
  to: Date;
}

const num = (v: unknown) => Number(v ?? 0);
/** A UTC DATETIME literal both databases compare correctly with stored values (raw queries do not convert Dates on SQLite). */
const dt = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export class GuidesReports {
  constructor(private readonly ds: DataSource) {}

  /** Paid orders attributed in the period, per guide (GMV = payable − refunded), with commission figures. */
  async byGuide(p: Period): Promise<{ guideId: number; storeId: number | null; orders: number; gmvFen: number; heldFen: number; releasedFen: number; reversedFen: number; wecomAdds: number; addedAfterFirstPurchase: number; addAfterFirstPurchaseRate: number }[]> {
    const orders = await this.ds.query(
      `SELECT a.guide_id AS guideId, a.store_id AS storeId, COUNT(*) AS orders, SUM(o.payable_fen - o.refunded_fen) AS gmv,
              SUM(COALESCE(c.held_fen, 0)) AS held, SUM(COALESCE(c.released_fen, 0)) AS released, SUM(COALESCE(c.reversed_fen, 0)) AS reversed
         FROM order_attribution a JOIN shop_order o ON o.id = a.order_id LEFT JOIN commission_account c ON c.order_id = a.order_id
        WHERE a.guide_id IS NOT NULL AND o.paid_at IS NOT NULL AND a.created_at >= ? AND a.created_at < ?
        GROUP BY a.guide_id, a.store_id`,
      [dt(p.from), dt(p.to)],
    );
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
    const ids = new Set<number>([...orders.map((r: any) => num(r.guideId)), ...addMap.keys()]);
    return [...ids].map((guideId) => {
      const o = orders.find((r: any) => num(r.guideId) === guideId);
      const a = addMap.get(guideId) ?? { adds: 0, afterFirst: 0 };
      const shown = promptMap.get(guideId) ?? 0;
      return {
        guideId,
        storeId: o ? (o.storeId === null ? null : num(o.storeId)) : null,
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
    const rows = await this.ds.query(
      `SELECT t.member_id AS memberId,
              (SELECT COUNT(*) FROM shop_order o WHERE o.member_id = t.member_id AND o.paid_at IS NOT NULL AND o.paid_at >= t.first_at) AS paid
         FROM (SELECT member_id, MIN(created_at) AS first_at FROM guide_touch WHERE created_at >= ? AND created_at < ? GROUP BY member_id) t`,
      [dt(p.from), dt(p.to)],
    );
    return {
      touched: rows.length,
      firstPurchase: rows.filter((r: any) => num(r.paid) >= 1).length,
      repeatPurchase: rows.filter((r: any) => num(r.paid) >= 2).length,
    };
  }
}
