/** Shopper reads: the campaign strip, the campaign page, a group page, 我的拼团. Real members only. */
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { CampaignDto, CampaignPageDto, GroupDto, GroupPageDto, MyGroupDto } from '@common/groupbuy/types';
import { canJoinGroup, campaignPhase } from '@common/groupbuy/rules';
import { AppError } from '../../http/app-error';
import type { AuthService } from '../auth';
import type { OrderFacts } from '../orders';
import type { CampaignView } from './campaign.view';
import { GbCampaign, GbGroup, GbSeat } from './groupbuy.entities';

const OPEN_GROUPS_SHOWN = 10;

export class GroupBuyReads {
  constructor(
    private readonly ds: DataSource,
    private readonly view: CampaignView,
    private readonly noticeTemplates: string[],
    private readonly now: () => Date,
    /** Read ports of the modules that own members and orders. */
    private readonly ports: { members: Pick<AuthService, 'membersByIds'>; orders: Pick<OrderFacts, 'byIds'> },
  ) {}

  /** Campaigns a shopper may see: scheduled or running, not yet ended (首页 strip). */
  async current(): Promise<CampaignDto[]> {
    const rows = await this.ds
      .getRepository(GbCampaign)
      .createQueryBuilder('c')
      .where("c.status IN ('scheduled', 'running') AND c.end_at > :now", { now: this.now() })
      .orderBy('c.start_at', 'ASC')
      .take(5)
      .getMany();
    return Promise.all(rows.map((c) => this.view.dto(c)));
  }

  async campaignPage(id: number, memberId: number): Promise<CampaignPageDto> {
    const c = await this.visibleCampaign(id);
    const now = this.now();
    const groups = await this.ds
      .getRepository(GbGroup)
      .createQueryBuilder('g')
      .where("g.campaign_id = :id AND g.status = 'open' AND g.expires_at > :now AND g.seats_taken < g.size", { id, now })
      .orderBy('g.expires_at', 'ASC')
      .take(OPEN_GROUPS_SHOWN)
      .getMany();
    return { campaign: await this.view.dto(c), openGroups: await this.groupDtos(groups, memberId), serverTime: now.toISOString(), noticeTemplates: this.noticeTemplates };
  }

  async groupPage(id: number, memberId: number): Promise<GroupPageDto> {
    const g = await this.ds.getRepository(GbGroup).findOneBy({ id });
    if (!g) throw new AppError('GROUPBUY_GROUP_NOT_FOUND', `group ${id}`);
    const c = await this.visibleCampaign(g.campaignId);
    const [group] = await this.groupDtos([g], memberId);
    const now = this.now();
    const mySeat = await this.ds.getRepository(GbSeat).findOneBy({ groupId: id, memberId, live: 1 });
    const joinable = canJoinGroup(g, now, !!mySeat).ok && campaignPhase(c, now) === 'running';
    return {
      group,
      campaign: await this.view.dto(c),
      serverTime: now.toISOString(),
      canJoin: joinable,
      // A full or finished group, seen by someone not in it: offer to open a new one.
      offerNewGroup: !mySeat && !joinable && campaignPhase(c, now) === 'running',
      myOrderId: mySeat?.orderId ?? null,
      noticeTemplates: this.noticeTemplates,
    };
  }

  async mine(memberId: number): Promise<MyGroupDto[]> {
    const seats = await this.ds.getRepository(GbSeat).find({ where: { memberId }, order: { createdAt: 'DESC' }, take: 50 });
    if (!seats.length) return [];
    const groups = await this.ds.getRepository(GbGroup).findBy({ id: In([...new Set(seats.map((s) => s.groupId))]) });
    const campaigns = await this.ds.getRepository(GbCampaign).findBy({ id: In([...new Set(seats.map((s) => s.campaignId))]) });
    const dtos = new Map((await this.groupDtos(groups, memberId)).map((g) => [g.id, g]));
    const orderStatus = await this.orderStatuses(seats.map((s) => s.orderId));
    const out: MyGroupDto[] = [];
    for (const s of seats) {
      const c = campaigns.find((x) => x.id === s.campaignId)!;
      const cd = await this.view.dto(c);
      out.push({ group: dtos.get(s.groupId)!, campaign: { id: c.id, title: c.title, image: cd.image, groupPriceFen: c.groupPriceFen }, orderId: s.orderId, orderStatus: orderStatus.get(s.orderId) ?? '' });
    }
    return out;
  }

  /** Groups with their real members (live seats, leader first), nickname and avatar only. */
  async groupDtos(groups: GbGroup[], memberId: number): Promise<GroupDto[]> {
    if (!groups.length) return [];
    const seats = await this.ds.getRepository(GbSeat).find({ where: { groupId: In(groups.map((g) => g.id)), live: 1 }, order: { id: 'ASC' } });
    const members = await this.ports.members.membersByIds(seats.map((s) => s.memberId));
    const byId = new Map(members.map((m) => [m.id, m]));
    return groups.map((g) => {
      const mine = seats.filter((s) => s.groupId === g.id);
      return {
        id: g.id,
        campaignId: g.campaignId,
        status: g.status,
        size: g.size,
        seatsTaken: g.seatsTaken,
        seatsPaid: g.seatsPaid,
        seatsLeft: Math.max(0, g.size - g.seatsTaken),
        expiresAt: g.expiresAt.toISOString(),
        members: mine
          .sort((a, b) => Number(b.leader) - Number(a.leader))
          .map((s) => ({ nickname: byId.get(s.memberId)?.nickname ?? '', avatarUrl: byId.get(s.memberId)?.avatarUrl ?? null, leader: s.leader, paid: s.status === 'paid' })),
        mine: mine.some((s) => s.memberId === memberId),
      };
    });
  }

  private async visibleCampaign(id: number): Promise<GbCampaign> {
    const c = await this.ds.getRepository(GbCampaign).findOneBy({ id });
    // Drafts are HQ's business: a shopper gets the same 404 as for an id that never existed.
    if (!c || c.status === 'draft') throw new AppError('GROUPBUY_CAMPAIGN_NOT_FOUND', `campaign ${id}`);
    return c;
  }

  private async orderStatuses(orderIds: number[]): Promise<Map<number, string>> {
    return new Map((await this.ports.orders.byIds(orderIds)).map((o) => [o.id, o.status]));
  }
}

/** A campaign's status, or null when there is none (a read port for other modules, e.g. guides' posters). */
export async function campaignStatusOf(m: EntityManager, campaignId: number): Promise<GbCampaign['status'] | null> {
  return (await m.findOne(GbCampaign, { where: { id: campaignId }, select: { id: true, status: true } }))?.status ?? null;
}
