/**
 * The guides tables' read port for other modules (the WeCom sidebar): guides by WeCom userid,
 * the WeCom contact link of a customer, bindings, touches and the attribution snapshots that
 * name a group chat. Read-only; every write stays in this module's services.
 */
import { And, In, LessThan, MoreThanOrEqual, type DataSource } from 'typeorm';
import type { ProfileTouch, SidebarGuide } from '@common/sidebar/types';
import { Guide, GuideBinding, GuideTouch, OrderAttribution, Store, WecomContact } from './guides.entities';

export type GuideFacts = SidebarGuide & { status: 'active' | 'left' };
export interface Period {
  from: Date;
  to: Date;
}

/** [from, to): a period's instants. */
const during = (p: Period) => And(MoreThanOrEqual(p.from), LessThan(p.to));

export class GuideReads {
  constructor(private readonly ds: DataSource) {}

  async byWecomUserId(wecomUserId: string): Promise<GuideFacts | null> {
    const g = await this.ds.manager.findOneBy(Guide, { wecomUserId });
    return g ? this.facts(g) : null;
  }

  /** An active guide (one who left is null). */
  async activeById(id: number): Promise<GuideFacts | null> {
    const g = await this.ds.manager.findOneBy(Guide, { id, status: 'active' });
    return g ? this.facts(g) : null;
  }

  async isActive(id: number): Promise<boolean> {
    return this.ds.manager.existsBy(Guide, { id, status: 'active' });
  }

  /** Guides (any status) by WeCom userid: the owners of customer groups. */
  async byWecomUserIds(userids: readonly string[]): Promise<Map<string, { id: number; name: string }>> {
    if (!userids.length) return new Map();
    const rows = await this.ds.manager.find(Guide, { where: { wecomUserId: In([...new Set(userids)]) }, select: { id: true, name: true, wecomUserId: true } });
    return new Map(rows.map((g) => [g.wecomUserId, { id: g.id, name: g.name }]));
  }

  /** The WeCom userids of a store's guides, any status (a guide who left may still own groups). */
  async wecomUserIdsOfStore(storeId: number): Promise<string[]> {
    return (await this.ds.manager.find(Guide, { where: { storeId }, select: { wecomUserId: true } })).map((g) => g.wecomUserId);
  }

  async namesByIds(ids: readonly number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.ds.manager.find(Guide, { where: { id: In([...new Set(ids)]) }, select: { id: true, name: true } });
    return new Map(rows.map((g) => [g.id, g.name]));
  }

  /** The WeCom contact this guide has with an external user (the add callback recorded it), if any. */
  async contact(guideId: number, externalUserId: string): Promise<{ memberId: number | null; added: boolean } | null> {
    const c = await this.ds.manager.findOneBy(WecomContact, { guideId, externalUserId });
    return c ? { memberId: c.memberId, added: c.status === 'added' } : null;
  }

  /** Members linked to external users through any guide's contact (the newest link wins). */
  async membersByExternalUserIds(externalUserIds: readonly string[]): Promise<Map<string, number>> {
    if (!externalUserIds.length) return new Map();
    const rows = await this.ds.manager.find(WecomContact, { where: { externalUserId: In([...new Set(externalUserIds)]) }, order: { addedAt: 'ASC' } });
    const out = new Map<string, number>();
    for (const c of rows) if (c.memberId !== null) out.set(c.externalUserId, c.memberId);
    return out;
  }

  /**
   * The member's latest WeCom add of a guide (still added), with that guide's store: the POS's
   * 双倍积分 offer asks whether it followed a scan of the member code at the same store.
   */
  async latestAddOf(memberId: number): Promise<{ guideId: number; storeId: number; addedAt: Date } | null> {
    const c = await this.ds.manager.findOne(WecomContact, { where: { memberId, status: 'added' }, order: { addedAt: 'DESC', id: 'DESC' } });
    const g = c ? await this.ds.manager.findOneBy(Guide, { id: c.guideId }) : null;
    return c && g ? { guideId: c.guideId, storeId: g.storeId, addedAt: c.addedAt } : null;
  }

  async bindingOf(memberId: number): Promise<{ guideId: number } | null> {
    const b = await this.ds.manager.findOneBy(GuideBinding, { memberId });
    return b ? { guideId: b.guideId } : null;
  }

  /** The member's last opens of this guide's cards, newest first. */
  async touches(memberId: number, guideId: number, limit: number): Promise<ProfileTouch[]> {
    const rows = await this.ds.manager.find(GuideTouch, { where: { memberId, guideId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
    return rows.map((t) => ({ at: t.createdAt.toISOString(), path: t.path, groupChatId: t.groupChatId }));
  }

  /** Touches that carried this group chat id, in the period. */
  touchCount(groupChatId: string, p: Period): Promise<number> {
    return this.ds.manager.countBy(GuideTouch, { groupChatId, createdAt: during(p) });
  }

  /** Orders whose attribution snapshot names this group chat as evidence (all time, or in a period). */
  async attributedOrderIds(groupChatId: string, p?: Period): Promise<number[]> {
    const rows = await this.ds.manager.find(OrderAttribution, { where: { groupChatId, ...(p ? { createdAt: during(p) } : {}) }, select: { orderId: true } });
    return rows.map((r) => r.orderId);
  }

  private async facts(g: Guide): Promise<GuideFacts> {
    const store = await this.ds.manager.findOne(Store, { where: { id: g.storeId }, select: { name: true } });
    return { id: g.id, name: g.name, wecomUserId: g.wecomUserId, storeId: g.storeId, storeName: store?.name ?? '', avatarUrl: g.avatarUrl, status: g.status };
  }
}
