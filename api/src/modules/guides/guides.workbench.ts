/** The guide's own pages: my share token, my customers, my attributed orders and commission by month. */
import { type DataSource, type EntityManager } from 'typeorm';
import type { GuideCustomer, GuideMe, GuideMonth } from '@common/attribution/types';
import { AppError } from '../../http/app-error';
import type { OrderFacts } from '../orders';
import { CommissionAccount, CommissionEntry, Guide, GuideBinding, OrderAttribution, WecomContact } from './guides.entities';
import type { ShareTokens } from '../share';

/** Segment and tag labels of customers; provided by the insight module once it is built (built after this one). */
export type CustomerTagSource = (memberIds: readonly number[]) => Promise<Map<number, { segment: string; tags: string[] }>>;

export class GuidesWorkbench {
  private tagSource: CustomerTagSource | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly shareTokens: ShareTokens,
    /** The order tables' ports (orders owns them). */
    private readonly orders: Pick<OrderFacts, 'byId' | 'latestOf'>,
  ) {}

  provideTags(source: CustomerTagSource): void {
    this.tagSource = source;
  }

  /** The active guide linked to this shopper account; 403 for a plain shopper. */
  async guideOf(memberId: number): Promise<Guide> {
    const g = await this.ds.manager.findOneBy(Guide, { memberId, status: 'active' });
    if (!g) throw new AppError('NOT_A_GUIDE');
    return g;
  }

  /** The token a shopper's own shares carry: the guide's token for a linked guide, else a referral token. */
  async shareToken(memberId: number): Promise<{ kind: 'guide' | 'member'; token: string }> {
    const g = await this.ds.manager.findOne(Guide, { where: { memberId, status: 'active' }, select: { id: true } });
    return g ? { kind: 'guide', token: this.shareTokens.sign({ kind: 'guide', id: g.id }) } : { kind: 'member', token: this.shareTokens.sign({ kind: 'member', id: memberId }) };
  }

  async me(memberId: number): Promise<GuideMe> {
    const g = await this.guideOf(memberId);
    return { id: g.id, name: g.name, storeId: g.storeId, shareToken: this.shareTokens.sign({ kind: 'guide', id: g.id }) };
  }

  async customers(memberId: number): Promise<GuideCustomer[]> {
    const g = await this.guideOf(memberId);
    const m = this.ds.manager;
    const bindings = await m.find(GuideBinding, { where: { guideId: g.id }, order: { boundAt: 'DESC' }, take: 200 });
    const out = [];
    for (const b of bindings) {
      const last = await this.orders.latestOf(b.memberId, m);
      const onWecom = await m.existsBy(WecomContact, { guideId: g.id, memberId: b.memberId, status: 'added' });
      out.push({ memberId: b.memberId, boundAt: b.boundAt.toISOString(), lastOrderAt: last ? last.createdAt.toISOString() : null, onWecom });
    }
    const tags = this.tagSource ? await this.tagSource(out.map((c) => c.memberId)) : new Map<number, { segment: string; tags: string[] }>();
    return out.map((c) => ({ ...c, segment: tags.get(c.memberId)?.segment ?? null, tags: tags.get(c.memberId)?.tags ?? [] }));
  }

  /** Attributed orders and commission, grouped by month (Asia/Shanghai), newest first. */
  async months(memberId: number): Promise<GuideMonth[]> {
    const g = await this.guideOf(memberId);
    const m = this.ds.manager;
    const rows = await m.find(OrderAttribution, { where: { guideId: g.id }, order: { id: 'DESC' }, take: 500 });
    const byMonth = new Map<string, GuideMonth>();
    for (const r of rows) {
      const o = await this.orders.byId(r.orderId, m);
      const acc = await m.findOneBy(CommissionAccount, { orderId: r.orderId });
      const month = new Date(r.createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
      const bucket = byMonth.get(month) ?? { month, orders: [], offline: [], heldFen: 0, releasedFen: 0, reversedFen: 0 };
      bucket.orders.push({ orderId: r.orderId, orderNo: o?.orderNo ?? null, payableFen: o?.payableFen ?? 0, status: o?.status ?? 'unknown', commission: acc ? { heldFen: acc.heldFen, releasedFen: acc.releasedFen, reversedFen: acc.reversedFen } : null });
      if (acc) {
        bucket.heldFen += acc.heldFen;
        bucket.releasedFen += acc.releasedFen;
        bucket.reversedFen += acc.reversedFen;
      }
      byMonth.set(month, bucket);
    }
    await this.addOffline(m, g.id, byMonth);
    return [...byMonth.values()].sort((a, b) => b.month.localeCompare(a.month));
  }

  /** Offline commission entries, per receipt in the month of its sale: released at once, less returns. */
  private async addOffline(m: EntityManager, guideId: number, byMonth: Map<string, GuideMonth>): Promise<void> {
    const rows = await m.find(CommissionEntry, { where: { guideId, source: 'offline' }, order: { id: 'ASC' }, take: 2000 });
    const receipts = new Map<string, GuideMonth['offline'][number]>();
    for (const e of rows) {
      const key = e.receiptNo ?? '';
      let r = receipts.get(key);
      if (!r) {
        const month = new Date(e.createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
        const bucket = byMonth.get(month) ?? { month, orders: [], offline: [], heldFen: 0, releasedFen: 0, reversedFen: 0 };
        r = { receiptNo: key, commissionFen: 0, reversedFen: 0 };
        bucket.offline.push(r);
        byMonth.set(month, bucket);
        receipts.set(key, r);
      }
      if (e.kind === 'reversed_released') r.reversedFen += e.amountFen;
      else r.commissionFen += e.amountFen;
    }
    for (const b of byMonth.values())
      for (const r of b.offline) {
        b.releasedFen += r.commissionFen - r.reversedFen;
        b.reversedFen += r.reversedFen;
      }
  }
}
