/**
 * What the sidebar shows beside a group chat, and HQ's group list, kind tag and report. A group
 * the sidebar opens is refreshed from WeCom when it is unknown or its copy is older than
 * REFRESH_AFTER_MS, so a guide never waits for the next sync job.
 */
import { type DataSource, In, IsNull } from 'typeorm';
import type { Page } from '@common/paging';
import { GROUP_KIND_LABELS, type GroupKind, type GroupReport, type GroupSummary, type GroupView, type HqGroupRow } from '@common/sidebar/types';
import { weekStart } from '@common/sidebar/card';
import { AppError } from '../../http/app-error';
import { WeChatApiError } from '../../wechat/json-call';
import type { WeComClient } from '../../wecom/client';
import type { GroupSync } from './group-sync';
import { SidebarSend, WecomGroup, WecomGroupMember } from './sidebar.entities';
import type { SidebarPorts } from './sidebar.ports';

const REFRESH_AFTER_MS = 10 * 60_000;
/** 40050 unknown chat id, 60011 outside the application's permission range. */
const NOT_VISIBLE = new Set([40050, 60011]);

export interface Period {
  from: Date;
  to: Date;
}

export class GroupViews {
  constructor(
    private readonly ds: DataSource,
    private readonly sync: GroupSync,
    private readonly wecom: Pick<WeComClient, 'getGroupChat'>,
    private readonly ports: SidebarPorts,
    private readonly now: () => Date,
  ) {}

  /** The group view for a guide who is its owner or one of its members (others get a 404). */
  async view(guide: { id: number; wecomUserId: string }, chatId: string): Promise<GroupView> {
    const group = await this.fresh(chatId);
    const members = await this.ds.manager.findBy(WecomGroupMember, { chatId });
    const inGroup = group.ownerUserId === guide.wecomUserId || members.some((x) => x.type === 1 && x.userid === guide.wecomUserId);
    if (!inGroup) throw new AppError('SIDEBAR_GROUP_NOT_FOUND', `guide ${guide.id} is not in ${chatId}`);
    const shoppers = await this.shoppersOf(members);
    const memberIds = [...shoppers.keys()];
    const p = this.ports;
    const week = weekStart(this.now());
    const [summary, names, tiers, attributed, signins, groupBuyJoins] = await Promise.all([
      this.summaries([group]),
      p.members.byIds(memberIds),
      p.members.tierLabels(memberIds),
      p.guides.attributedOrderIds(chatId).then((ids) => p.orders.paidTotals(ids)),
      p.activity.signins(memberIds, week.day),
      p.activity.groupBuyJoins(memberIds, week.from),
    ]);
    return {
      ...summary[0],
      shoppers: memberIds.map((id) => ({ memberId: id, nickname: names.get(id)?.nickname ?? '', tierLabel: tiers.get(id) ?? '', joinedAt: shoppers.get(id)?.toISOString() ?? null })),
      attributed,
      thisWeek: { signins, groupBuyJoins, from: week.from.toISOString() },
    };
  }

  /**
   * The WeCom userids whose groups a caller sees: a store manager (storeId) only the groups owned
   * by their store's guides; null for HQ-wide callers (every group).
   */
  async ownersInScope(storeId: number | null): Promise<string[] | null> {
    return storeId === null ? null : this.ports.guides.wecomUserIdsOfStore(storeId);
  }

  /** `owners`: the caller's scope (ownersInScope); a group outside it is never listed. */
  async hqList(q: { page: number; pageSize: number; kind?: GroupKind | 'none'; ownerGuideId?: number }, owners: string[] | null = null): Promise<Page<HqGroupRow>> {
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize, hasMore: false };
    const where: Record<string, unknown> = {};
    if (q.kind) where.kind = q.kind === 'none' ? IsNull() : q.kind;
    if (owners) where.ownerUserId = In(owners);
    if (q.ownerGuideId) {
      const g = await this.ports.guides.activeById(q.ownerGuideId);
      if (!g || (owners && !owners.includes(g.wecomUserId))) return empty;
      where.ownerUserId = g.wecomUserId;
    }
    // A store whose guides own nothing sees nothing (In([]) is not valid SQL everywhere).
    if (owners && !owners.length) return empty;
    const [rows, total] = await this.ds.manager.findAndCount(WecomGroup, { where, order: { dismissed: 'ASC', id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const summaries = await this.summaries(rows);
    return { items: rows.map((r, i) => ({ ...summaries[i], status: r.status, dismissed: r.dismissed })), total, page: q.page, pageSize: q.pageSize, hasMore: q.page * q.pageSize < total };
  }

  async setKind(chatId: string, kind: GroupKind | null): Promise<HqGroupRow> {
    const r = await this.ds.manager.update(WecomGroup, { chatId }, { kind });
    if (!r.affected) throw new AppError('SIDEBAR_GROUP_NOT_FOUND', chatId);
    const row = await this.ds.manager.findOneByOrFail(WecomGroup, { chatId });
    return { ...(await this.summaries([row]))[0], status: row.status, dismissed: row.dismissed };
  }

  /** `owners`: the caller's scope; another store's group is a 404, like one that does not exist. */
  async report(chatId: string, period: Period, owners: string[] | null = null): Promise<GroupReport> {
    const group = await this.ds.manager.findOne(WecomGroup, { where: { chatId }, select: { id: true, ownerUserId: true } });
    if (!group || (owners && !owners.includes(group.ownerUserId))) throw new AppError('SIDEBAR_GROUP_NOT_FOUND', chatId);
    const sends = await this.ds.manager
      .getRepository(SidebarSend)
      .createQueryBuilder('s')
      .where("s.chat_id = :chatId AND s.chat_kind = 'group' AND s.outcome IN ('prepared', 'sent') AND s.created_at >= :from AND s.created_at < :to", { chatId, ...period })
      .getCount();
    const [touches, totals] = await Promise.all([
      this.ports.guides.touchCount(chatId, period),
      this.ports.guides.attributedOrderIds(chatId, period).then((ids) => this.ports.orders.paidTotals(ids)),
    ]);
    return { chatId, from: period.from.toISOString(), to: period.to.toISOString(), sends, touches, orders: totals.orders, gmvFen: totals.gmvFen };
  }

  /** The stored group, refreshed from WeCom when unknown or stale; 404 when WeCom will not show it. */
  private async fresh(chatId: string): Promise<WecomGroup> {
    const row = await this.ds.manager.findOneBy(WecomGroup, { chatId });
    if (row && !row.dismissed && this.now().getTime() - row.syncedAt.getTime() < REFRESH_AFTER_MS) return row;
    try {
      await this.sync.store(await this.wecom.getGroupChat(chatId), row?.status ?? 0);
    } catch (err) {
      if (!(err instanceof WeChatApiError && NOT_VISIBLE.has(err.errcode))) {
        // WeCom unreachable: the stored copy (if any) is better than nothing.
        if (row) return row;
        throw err;
      }
      throw new AppError('SIDEBAR_GROUP_NOT_FOUND', `WeCom ${err.errcode} for ${chatId}`);
    }
    return this.ds.manager.findOneByOrFail(WecomGroup, { chatId });
  }

  /** External members recognised as shoppers (unionid first, else a guide's contact link), with when they joined. */
  private async shoppersOf(members: WecomGroupMember[]): Promise<Map<number, Date | null>> {
    const external = members.filter((x) => x.type === 2);
    const [byUnionid, byContact] = await Promise.all([
      this.ports.members.idsByUnionids(external.flatMap((x) => (x.unionid ? [x.unionid] : []))),
      this.ports.guides.membersByExternalUserIds(external.map((x) => x.userid)),
    ]);
    const out = new Map<number, Date | null>();
    for (const x of external) {
      const id = (x.unionid ? byUnionid.get(x.unionid) : undefined) ?? byContact.get(x.userid);
      if (id !== undefined && !out.has(id)) out.set(id, x.joinedAt);
    }
    return out;
  }

  private async summaries(rows: WecomGroup[]): Promise<GroupSummary[]> {
    const owners = await this.ports.guides.byWecomUserIds(rows.map((r) => r.ownerUserId));
    return rows.map((r) => ({
      chatId: r.chatId,
      name: r.name,
      kind: r.kind,
      kindLabel: r.kind ? GROUP_KIND_LABELS[r.kind] : null,
      ownerUserId: r.ownerUserId,
      ownerGuide: owners.get(r.ownerUserId) ?? null,
      memberCount: r.memberCount,
      syncedAt: r.syncedAt.toISOString(),
    }));
  }
}
