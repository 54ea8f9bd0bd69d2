import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { Banner, Category, Product, Sku } from '../modules/catalogue/catalogue.entities';
import { startLoopmall, type Running } from '../server';
import { ApiClient, freshDatabase, loginHq, loginShopper, type TestApp } from '../../test/harness';
import { ok } from '../../test/shopping';
import { DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PRODUCTS } from './demo-data';
import { DEMO_CAMPAIGNS, DEMO_COUPONS, DEMO_MEMBERS, DEMO_NEW_MEMBER_PACK, DEMO_STORES, findSku } from './demo-loop-data';

jest.setTimeout(120_000);

const HQ_PASSWORD = 'seed-test-password';
/** Rows of every table the demo loop writes: a second start must leave each count as it was. */
const LOOP_TABLES = ['member', 'shop_order', 'coupon_template', 'member_coupon', 'mall_item', 'gb_campaign', 'gb_group', 'store', 'guide', 'guide_touch', 'points_entry', 'commission_entry', 'outbox_event', 'member_phone', 'pos_api_key', 'pos_sale', 'pos_return', 'pickup_store', 'pickup_order'];

async function tableCounts(r: Running): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of LOOP_TABLES) out[t] = Number((await r.ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  return out;
}

/** Today in 北京时间, as the HQ report's period takes it. */
const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('demo seed', () => {
  // Jobs off: whatever the pages show right after start is the seed's own doing, not a job tick's.
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', SERVE_H5: 'false', SEED_DEMO: 'true', JOBS_ENABLED: 'false', HQ_ADMIN_PASSWORD: HQ_PASSWORD });
  const log = createLogger('silent');

  it('seeds an empty database once with the catalogue and the whole loop, and a second start adds nothing', async () => {
    const db = await freshDatabase();
    // Stopped in `finally`, so a failed expectation does not leave a server (and jest) running.
    const started: Running[] = [];
    const start = async () => {
      const r = await startLoopmall(config, log, { db: db.target });
      started.push(r);
      return r;
    };
    try {
      const first = await start();
      const app = { ...first, api: new ApiClient(first.url) } as unknown as TestApp;
      expect(first.seeded).toBe(true);
      // The demo till: a key (its secret for the banner) and offline sales with a return.
      expect(first.demo?.pos?.keyId).toMatch(/^pk_/);
      expect(Number((await first.ds.query('SELECT COUNT(*) AS n FROM pos_sale'))[0].n)).toBe(5); // 3, a member's, the commissioned one (demo-offline-commission)
      // The member's sale earned points in the member's own ledger.
      const memberSales = await first.ds.query('SELECT member_id, points_earned FROM pos_sale WHERE member_id IS NOT NULL');
      expect(memberSales).toHaveLength(1);
      expect(Number(memberSales[0].points_earned)).toBeGreaterThan(0);
      // Every 数据 chart has figures on the first start: touches and the funnel, coupons, points, WeCom adds, offline GMV.
      const [chain] = await first.ds.query(
        `SELECT SUM(touches) AS touches, SUM(coupons_issued) AS issued, SUM(coupons_used) AS used, SUM(points_earned) AS earned,
                SUM(first_buyers_added_guide) AS added, SUM(offline_gmv_fen) AS offline FROM metric_daily WHERE scope_kind = 'chain'`,
      );
      const [funnel] = await first.ds.query("SELECT SUM(touched_members) AS touched, SUM(touched_first_buyers) AS first FROM metric_period WHERE scope_kind = 'chain' AND period LIKE 'M%'");
      expect(Object.entries({ ...chain, ...funnel }).filter(([, v]) => !(Number(v) > 0))).toEqual([]);
      const catalogue = {
        categories: await first.ds.getRepository(Category).count(),
        products: await first.ds.getRepository(Product).count(),
        skus: await first.ds.getRepository(Sku).count(),
        banners: await first.ds.getRepository(Banner).count(),
      };
      expect(catalogue).toEqual({
        categories: DEMO_CATEGORIES.length,
        products: DEMO_PRODUCTS.length,
        skus: DEMO_PRODUCTS.reduce((n, p) => n + p.skus.length, 0),
        banners: DEMO_BANNERS.length,
      });
      // The seeded store is served like any other: the T恤 the journeys search for is found.
      const found = await first.services.catalogue.listProducts({ keyword: 'T恤', sort: 'newest', page: 1, pageSize: 50, statuses: ['on_sale'] });
      expect(found.total).toBe(DEMO_PRODUCTS.filter((p) => [p.title, p.subtitle, ...p.tags].some((t) => t.includes('T恤'))).length);

      // A newcomer: 领券中心 offers 满减, 折扣 and 无门槛 coupons they may claim, and the 新人礼 arrives.
      const shopper = await loginShopper(app);
      const center = ok(await app.api.get('/api/coupons/center', shopper.token)) as { kind: string; blockedBy: string | null }[];
      const claimable = center.filter((c) => c.blockedBy === null);
      expect(claimable.length).toBeGreaterThanOrEqual(3);
      expect(new Set(claimable.map((c) => c.kind))).toEqual(new Set(['amount_off', 'percent_off', 'no_threshold']));
      await first.services.outbox.drain();
      const gift = ok(await app.api.get('/api/coupons/new-member-gift', shopper.token));
      expect(gift.coupons.length).toBeGreaterThanOrEqual(1);
      expect(gift.coupons.map((c: { name: string }) => c.name)).toContain(DEMO_COUPONS.find((c) => c.key === DEMO_NEW_MEMBER_PACK.coupons[0])!.name);

      // 积分商城: a coupon item and a goods item.
      const mall = ok(await app.api.get('/api/pointsmall/items')) as { kind: string }[];
      expect(mall.length).toBeGreaterThanOrEqual(2);
      expect(new Set(mall.map((i) => i.kind))).toEqual(new Set(['coupon', 'goods']));

      // 首页's strip: the live campaign is running now, the scheduled one starts tomorrow; both hold units.
      const now = new Date();
      const strip = ok(await app.api.get('/api/groupbuy/campaigns')) as { title: string; startAt: string; endAt: string }[];
      const live = strip.filter((c) => new Date(c.startAt) <= now && new Date(c.endAt) > now);
      const upcoming = strip.filter((c) => new Date(c.startAt) > now);
      expect(live.map((c) => c.title)).toEqual([DEMO_CAMPAIGNS[0].title]);
      // The strip shows the first campaign of the list: the live one.
      expect(strip[0].title).toBe(DEMO_CAMPAIGNS[0].title);
      expect(upcoming.map((c) => c.title)).toEqual([DEMO_CAMPAIGNS[1].title]);
      const units = await first.ds.query('SELECT stock_total AS total, stock_left AS lft, units_held AS held, units_sold AS sold FROM gb_campaign ORDER BY id');
      expect(units.map((u: any) => Number(u.total))).toEqual(DEMO_CAMPAIGNS.map((c) => c.stock));
      // Every unit is accounted for: left + held + sold = total (one demo member's seat is paid).
      for (const u of units) expect(Number(u.lft) + Number(u.held) + Number(u.sold)).toBe(Number(u.total));
      // Scheduling took the campaign's units out of its SKU's stock (no demo order buys those SKUs).
      const campaignSkus = await first.ds.query('SELECT s.stock AS stock FROM gb_campaign c JOIN sku s ON s.id = c.sku_id ORDER BY c.id');
      expect(campaignSkus.map((r: any) => Number(r.stock))).toEqual(
        DEMO_CAMPAIGNS.map((c) => findSku(DEMO_PRODUCTS.find((p) => p.key === c.sku.product)!.skus, c.sku)!.stock - c.stock),
      );

      // Two stores, each with guides holding a binding code; the banner summary names them.
      const hq = await loginHq(app, 'admin', HQ_PASSWORD);
      const stores = ok(await app.api.get('/api/hq/stores', hq)).items as { id: number; defaultGuideId: number | null }[];
      expect(stores).toHaveLength(DEMO_STORES.length);
      expect(stores.every((s) => s.defaultGuideId !== null)).toBe(true);
      const guides = ok(await app.api.get('/api/hq/guides?pageSize=50', hq)).items as { id: number; storeId: number }[];
      expect(guides).toHaveLength(DEMO_STORES.reduce((n, s) => n + s.guides.length, 0));
      expect(first.demo!.stores.flatMap((s) => s.guides).map((g) => g.bindingCode)).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z2-9]{8}$/)]));
      expect(first.demo!.stores.flatMap((s) => s.guides).every((g) => /^[A-Z2-9]{8}$/.test(g.bindingCode))).toBe(true);
      expect(first.demo!.members).toEqual({ members: DEMO_MEMBERS.length, orders: expect.any(Number) });

      // HQ's guide report has GMV for the guides the demo members bought through.
      const day = shanghaiDay(now);
      const report = ok(await app.api.get(`/api/hq/guides/report?from=${day}&to=${day}`, hq)) as { guideId: number; orders: number; gmvFen: number; heldFen: number; releasedFen: number }[];
      expect(report.filter((r) => r.gmvFen > 0).length).toBeGreaterThanOrEqual(2);
      expect(report.some((r) => r.releasedFen > 0)).toBe(true);
      // Each guide's commission figures agree with their ledger (the seed went through its handlers).
      for (const g of guides) {
        const { figures, ledger, offline } = ok(await app.api.get(`/api/hq/guides/${g.id}/commission`, hq));
        expect(figures.heldFen).toBe(ledger.held - ledger.released - ledger.reversed_held);
        // Offline (store) commission is released when booked, less its returns.
        expect(figures.releasedFen).toBe(ledger.released - ledger.reversed_released + offline.releasedFen - offline.reversedFen);
        expect(figures.accruedFen).toBe(ledger.held + offline.releasedFen);
      }
      // 线下佣金: the demo till's commissioned sale and its partial return are in a guide's ledger.
      const [{ n: offlineEntries }] = await first.ds.query("SELECT COUNT(*) AS n FROM commission_entry WHERE source = 'offline'");
      expect(Number(offlineEntries)).toBe(2);

      // Orders in every state the demo promises, and points that add up.
      const states = (await first.ds.query('SELECT status FROM shop_order')).map((r: any) => r.status);
      expect(new Set(states)).toEqual(new Set(['paid', 'shipped', 'completed', 'refunded', 'grouping', 'pickup_ready']));
      // 门店自提: both stores take pickups, and the ready pickup order's code works at its store.
      const pickupStores = ok(await app.api.get('/api/pickup/stores?lat=31.22&lng=121.45')) as { storeId: number; enabled: boolean; address: string }[];
      expect(pickupStores.map((s) => s.storeId)).toEqual(stores.map((s) => s.id));
      const [ready] = await first.ds.query("SELECT code, store_id FROM pickup_order WHERE state = 'ready'");
      expect(ok(await app.api.get(`/api/hq/pickup/lookup?code=${ready.code}&storeId=${Number(ready.store_id)}`, hq)).state).toBe('ready');
      const consistency = ok(await app.api.get('/api/hq/points/consistency?pageSize=500', hq));
      expect([consistency.mismatched, consistency.hasMore]).toEqual([0, false]);
      expect(consistency.items.reduce((n: number, r: { balance: number }) => n + r.balance, 0)).toBeGreaterThan(0);
      // 会员分群: every RFM segment, 潜在用户 and every behaviour tag has members on the first start.
      const insight = ok(await app.api.get('/api/hq/insight/segments', hq));
      expect(insight.segments.filter((x: { members: number }) => x.members === 0)).toEqual([]);
      expect(insight.tags.filter((x: { members: number }) => x.members === 0)).toEqual([]);
      expect(ok(await app.api.get('/api/hq/insight/pushes', hq)).items[0]).toMatchObject({ batchKey: 'demo-wake-up', status: 'done', received: expect.any(Number) });
      // 订阅消息: the push's notice reached the dormant members who agreed, and only them.
      const sends = ok(await app.api.get('/api/hq/subscriptions/sends?pageSize=100', hq)).items as { nickname: string; memberId: number; status: string }[];
      expect(new Set(sends.map((x) => x.status))).toEqual(new Set(['sent', 'no_consent']));
      expect(sends.filter((x) => x.status === 'sent').map((x) => x.nickname).sort()).toEqual(['孙丽', '李强'].sort());
      expect(ok(await app.api.get('/api/hq/subscriptions/consents', hq)).total).toBeGreaterThanOrEqual(4);
      // Demo shoppers carry names, as the console lists them.
      const named = await first.ds.query("SELECT nickname FROM member WHERE openid IN ('demo-member-1', 'demo-insight-1') ORDER BY openid");
      expect(named.map((r: { nickname: string }) => r.nickname)).toEqual(['赵雅', '李婷']);
      const [outbox] = await first.ds.query("SELECT COUNT(*) AS n FROM outbox_delivery WHERE status <> 'done'");
      expect(Number(outbox.n)).toBe(0);

      const seeded = await tableCounts(first);
      await first.stop();

      const second = await start();
      expect(second.seeded).toBe(false);
      expect(second.demo).toBeNull();
      expect(await second.ds.getRepository(Product).count()).toBe(catalogue.products);
      expect(await tableCounts(second)).toEqual(seeded);
    } finally {
      for (const r of started) await r.stop();
      await db.drop();
    }
  });
});
