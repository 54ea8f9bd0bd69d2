/**
 * The guides module's read port for 概览 and the accounts routes: stores and guides, the
 * add-your-guide rate after a first purchase, and a store's new customers. Other modules never
 * read the guides' tables; they ask here.
 */
import { In, type DataSource } from 'typeorm';
import { Guide, GuideBinding, GuidePrompt, Store, WecomContact } from './guides.entities';

export interface Range {
  from: Date;
  to: Date;
}

export class GuideDirectory {
  constructor(private readonly ds: DataSource) {}

  storeExists(storeId: number): Promise<boolean> {
    return this.ds.manager.existsBy(Store, { id: storeId });
  }

  async storeOfGuide(guideId: number): Promise<number | null> {
    return (await this.ds.manager.findOneBy(Guide, { id: guideId }))?.storeId ?? null;
  }

  /** Every guide of a store, active or gone (a guide who left keeps their attributed orders). */
  async guideIdsOfStore(storeId: number): Promise<number[]> {
    return (await this.ds.manager.find(Guide, { select: { id: true }, where: { storeId } })).map((g) => g.id);
  }

  /** Whether the member is bound to one of the store's guides (a customer of the store). */
  async memberInStore(memberId: number, storeId: number): Promise<boolean> {
    const row = await this.ds.manager
      .createQueryBuilder(GuideBinding, 'b')
      .innerJoin(Guide, 'g', 'g.id = b.guideId')
      .where('b.memberId = :memberId AND g.storeId = :storeId', { memberId, storeId })
      .getExists();
    return row;
  }

  /** Every store (id, name, city), by id: for modules that keep their own per-store data (门店自提). */
  async stores(): Promise<{ id: number; name: string; city: string }[]> {
    return (await this.ds.manager.find(Store, { select: { id: true, name: true, city: true }, order: { id: 'ASC' } })).map((s) => ({ id: s.id, name: s.name, city: s.city }));
  }

  /** The bound guide and that guide's store of each of these members (the unbound are absent). */
  async bindingsOf(memberIds: readonly number[]): Promise<Map<number, { guideId: number; storeId: number }>> {
    const out = new Map<number, { guideId: number; storeId: number }>();
    const ids = [...new Set(memberIds)];
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.ds.manager
        .createQueryBuilder(GuideBinding, 'b')
        .innerJoin(Guide, 'g', 'g.id = b.guideId')
        .select('b.memberId', 'memberId')
        .addSelect('b.guideId', 'guideId')
        .addSelect('g.storeId', 'storeId')
        .where('b.memberId IN (:...ids)', { ids: ids.slice(i, i + 1000) })
        .getRawMany<{ memberId: number; guideId: number; storeId: number }>();
      for (const r of rows) out.set(Number(r.memberId), { guideId: Number(r.guideId), storeId: Number(r.storeId) });
    }
    return out;
  }

  async guidesByIds(ids: readonly number[]): Promise<{ id: number; name: string; storeId: number }[]> {
    if (!ids.length) return [];
    return (await this.ds.manager.find(Guide, { select: { id: true, name: true, storeId: true }, where: { id: In([...ids]) } })).map((g) => ({ id: g.id, name: g.name, storeId: g.storeId }));
  }

  /**
   * Of the shoppers shown the add-your-guide prompt after their first purchase in the range, how
   * many added a guide on WeCom after it (optionally only some guides' shoppers).
   */
  async addAfterFirstPurchase(r: Range, guideIds: readonly number[] | null): Promise<{ prompted: number; added: number }> {
    if (guideIds && !guideIds.length) return { prompted: 0, added: 0 };
    const prompts = this.ds.manager
      .createQueryBuilder(GuidePrompt, 'p')
      .innerJoin(GuideBinding, 'b', 'b.memberId = p.memberId')
      .where('p.shownAt >= :from AND p.shownAt < :to', r);
    if (guideIds) prompts.andWhere('b.guideId IN (:...guideIds)', { guideIds: [...guideIds] });
    const added = this.ds.manager
      .createQueryBuilder(WecomContact, 'c')
      .where('c.afterFirstPurchase = :yes AND c.addedAt >= :from AND c.addedAt < :to', { ...r, yes: true });
    if (guideIds) added.andWhere('c.guideId IN (:...guideIds)', { guideIds: [...guideIds] });
    return { prompted: await prompts.getCount(), added: await added.getCount() };
  }

  /** Whether a member is a guide's WeCom contact now, or became one at or after `since` (the metrics' add-your-guide rate). */
  async wecomContactSince(memberId: number, since: Date): Promise<boolean> {
    return this.ds.manager
      .createQueryBuilder(WecomContact, 'c')
      .where('c.memberId = :memberId', { memberId })
      .andWhere("(c.status = 'added' OR c.addedAt >= :since)", { since })
      .getExists();
  }

  /** Shoppers who became one of these guides' customers in the range (a store's 新会员). */
  newCustomers(r: Range, guideIds: readonly number[]): Promise<number> {
    if (!guideIds.length) return Promise.resolve(0);
    return this.ds.manager
      .createQueryBuilder(GuideBinding, 'b')
      .where('b.boundAt >= :from AND b.boundAt < :to', r)
      .andWhere('b.guideId IN (:...guideIds)', { guideIds: [...guideIds] })
      .getCount();
  }

  /**
   * Per guide, the shoppers who became its customers in the range, with the guide's store (the
   * metrics' store and guide 新会员): one grouped read by bound_at.
   */
  async newCustomersByGuide(r: Range): Promise<{ guideId: number; storeId: number; count: number }[]> {
    const rows: { guideId: number | string; storeId: number | string; n: number | string }[] = await this.ds.manager
      .createQueryBuilder(GuideBinding, 'b')
      .innerJoin(Guide, 'g', 'g.id = b.guideId')
      .select('b.guideId', 'guideId')
      .addSelect('g.storeId', 'storeId')
      .addSelect('COUNT(*)', 'n')
      .where('b.boundAt >= :from AND b.boundAt < :to', r)
      .groupBy('b.guideId')
      .addGroupBy('g.storeId')
      .getRawMany();
    return rows.map((x) => ({ guideId: Number(x.guideId), storeId: Number(x.storeId), count: Number(x.n) }));
  }

  /** Every store and guide (for leaderboards' names), few rows. */
  async allStoresAndGuides(): Promise<{ stores: { id: number; name: string }[]; guides: { id: number; name: string; storeId: number }[] }> {
    const stores = await this.ds.manager.find(Store, { select: { id: true, name: true }, order: { id: 'ASC' } });
    const guides = await this.ds.manager.find(Guide, { select: { id: true, name: true, storeId: true }, order: { id: 'ASC' } });
    return { stores: stores.map((x) => ({ id: x.id, name: x.name })), guides: guides.map((g) => ({ id: g.id, name: g.name, storeId: g.storeId })) };
  }
}
