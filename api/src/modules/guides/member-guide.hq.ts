/** HQ's view of one member's guide: the binding (with the guide and store names), its changes and the latest touches. */
import { type DataSource, In } from 'typeorm';
import type { HqMemberGuideDto } from '@common/membership/hq';
import { Guide, GuideBinding, GuideBindingLog, GuideTouch, Store } from './guides.entities';

const TOUCHES_SHOWN = 50;

export class MemberGuideReads {
  constructor(private readonly ds: DataSource) {}

  async ofMember(memberId: number): Promise<HqMemberGuideDto> {
    const m = this.ds.manager;
    const [binding, changes, touches] = await Promise.all([
      m.findOneBy(GuideBinding, { memberId }),
      m.find(GuideBindingLog, { where: { memberId }, order: { id: 'DESC' }, take: TOUCHES_SHOWN }),
      // idx_guide_touch_member (member_id, created_at) serves this.
      m.find(GuideTouch, { where: { memberId }, order: { createdAt: 'DESC', id: 'DESC' }, take: TOUCHES_SHOWN }),
    ]);
    const guideIds = [...new Set([...(binding ? [binding.guideId] : []), ...touches.map((t) => t.guideId)])];
    const guides = new Map((guideIds.length ? await m.findBy(Guide, { id: In(guideIds) }) : []).map((g) => [g.id, g]));
    const bound = binding ? guides.get(binding.guideId) : undefined;
    const store = bound ? await m.findOneBy(Store, { id: bound.storeId }) : null;
    return {
      binding: binding
        ? { guideId: binding.guideId, guideName: bound?.name ?? `#${binding.guideId}`, storeId: bound?.storeId ?? 0, storeName: store?.name ?? '—', source: binding.source, boundAt: binding.boundAt.toISOString() }
        : null,
      changes: changes.map((c) => ({ fromGuideId: c.fromGuideId, toGuideId: c.toGuideId, reason: c.reason, actor: c.actor, at: c.createdAt.toISOString() })),
      touches: touches.map((t) => ({ id: t.id, guideId: t.guideId, guideName: guides.get(t.guideId)?.name ?? `#${t.guideId}`, scene: t.scene, groupChatId: t.groupChatId, path: t.path, at: t.createdAt.toISOString() })),
    };
  }
}
