/**
 * The one-to-one chat panel: the customer behind an external userid, through the WeCom contact
 * link the add callback recorded for this guide. A contact with no member link is "unknown": the
 * page offers the 新人礼 card. Notes are this guide's own about the member.
 */
import type { DataSource } from 'typeorm';
import { SEGMENT_LABELS } from '@common/insight/rfm';
import { tagLabelsOf } from '@common/insight/tags';
import type { ContactProfile, GuideNoteDto, SidebarGuide } from '@common/sidebar/types';
import { AppError } from '../../http/app-error';
import type { Transactor } from '../../db/transaction';
import { GuideNote } from './sidebar.entities';
import type { SidebarPorts } from './sidebar.ports';

const LAST_ORDERS = 5;
const TOUCHES = 10;
const NOTES = 20;

export class SidebarProfiles {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly ports: SidebarPorts,
    private readonly now: () => Date,
  ) {}

  /**
   * The member behind an external userid, for this guide only: the link the add callback recorded,
   * else WeCom's own word (externalcontact/get) that the customer added this guide, with a unionid
   * that matches a member (a contact added before Loopmall, or whose callback was missed). A guide
   * never sees the customer of a chat they are not in.
   */
  private async memberOf(guide: SidebarGuide, externalUserId: string): Promise<{ memberId: number | null; added: boolean }> {
    const contact = await this.ports.guides.contact(guide.id, externalUserId);
    if (contact?.memberId) return { memberId: contact.memberId, added: contact.added };
    const wecom = await this.ports.externalContact(externalUserId);
    const follows = !!wecom && wecom.followUserIds.includes(guide.wecomUserId);
    const memberId = follows && wecom.unionid ? ((await this.ports.members.idsByUnionids([wecom.unionid])).get(wecom.unionid) ?? null) : null;
    return { memberId, added: !!contact?.added || follows };
  }

  async profile(guide: SidebarGuide, externalUserId: string): Promise<ContactProfile> {
    const guideId = guide.id;
    const { memberId, added } = await this.memberOf(guide, externalUserId);
    if (memberId === null) {
      return { known: false, externalUserId, addedThisGuide: added, hint: '暂未识别该客户，发送新人礼卡片邀请 TA 注册' };
    }
    const p = this.ports;
    const [members, card, orders, coupons, binding, touches, notes, insight] = await Promise.all([
      p.members.byIds([memberId]),
      p.members.card(memberId),
      p.orders.latest(memberId, LAST_ORDERS),
      p.coupons.usable(memberId),
      p.guides.bindingOf(memberId),
      p.guides.touches(memberId, guideId, TOUCHES),
      this.notes(guideId, memberId),
      p.insight.tagsOf([memberId]),
    ]);
    const tags = insight.get(memberId);
    const member = members.get(memberId);
    const otherGuide = binding && binding.guideId !== guideId ? ((await p.guides.namesByIds([binding.guideId])).get(binding.guideId) ?? null) : null;
    return {
      known: true,
      externalUserId,
      memberId,
      nickname: member?.nickname ?? '',
      avatarUrl: member?.avatarUrl ?? null,
      tier: card.tier,
      tierLabel: card.tierLabel,
      points: card.points.balance,
      growth: card.growth,
      next: card.next,
      lastOrders: orders.map((o) => ({
        orderId: o.id,
        orderNo: o.orderNo,
        status: o.status,
        payableFen: o.payableFen,
        createdAt: o.createdAt,
        summary: o.lines.length > 1 ? `${o.lines[0].title} 等 ${o.itemCount} 件` : (o.lines[0]?.title ?? ''),
      })),
      usableCoupons: coupons.map((c) => ({ id: c.id, name: c.name, summary: c.summary, validTo: c.validTo })),
      boundToMe: binding?.guideId === guideId,
      boundToOther: otherGuide,
      touches,
      segment: tags ? SEGMENT_LABELS[tags.segment] : null,
      tags: tags ? tagLabelsOf(tags) : null,
      notes,
    };
  }

  async addNote(guide: SidebarGuide, externalUserId: string, text: string): Promise<GuideNoteDto> {
    const guideId = guide.id;
    const { memberId } = await this.memberOf(guide, externalUserId);
    if (memberId === null) throw new AppError('SIDEBAR_CONTACT_UNKNOWN', externalUserId);
    const createdAt = this.now();
    const id = await this.tx.run(async (m) => Number((await m.insert(GuideNote, { guideId, memberId, text, createdAt })).identifiers[0].id));
    return { id, text, createdAt: createdAt.toISOString() };
  }

  private async notes(guideId: number, memberId: number): Promise<GuideNoteDto[]> {
    const rows = await this.ds.manager.find(GuideNote, { where: { guideId, memberId }, order: { createdAt: 'DESC', id: 'DESC' }, take: NOTES });
    return rows.map((n) => ({ id: n.id, text: n.text, createdAt: n.createdAt.toISOString() }));
  }
}
