/**
 * 新人礼: HQ's pack (coupons and points) granted exactly once per member, on the outbox event
 * MemberRegistered, and shown once in a popup on 首页. "Exactly once" is the unique member_id of
 * new_member_gift, written first in the granting transaction: a replayed event, or a second
 * handler racing the first, fails on that key and the whole second grant rolls back.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { ensureHolding, grantInTx } from './coupon-grants';
import { CouponTemplate, MemberCoupon, NewMemberGift, NewMemberPack } from './coupons.entities';
import { toMemberCouponDto } from './coupons.mappers';
import type { NewMemberGiftDto } from '@common/coupon/types';

const PACK_ID = 1;

/**
 * The default pack when HQ has set none: a first-order-only ¥10 coupon for 7 days. Points are
 * HQ's to add (PUT /api/hq/new-member-pack): none by default, so a member's first points come
 * from what they do unless HQ decides otherwise.
 */
export const DEFAULT_PACK = {
  coupon: {
    name: '新人首单立减', kind: 'no_threshold' as const, amountOffFen: 1000, thresholdFen: 0, percentOff: 0, maxOffFen: 0,
    scope: { type: 'all' as const }, validity: { type: 'relative' as const, days: 7 }, audience: { type: 'new_members' as const },
    firstOrderOnly: true, totalQuota: 10_000_000, issuedCount: 0, perMemberLimit: 1, claimable: false, active: true,
  },
  points: 0,
};

/** Credits points inside the granting transaction (the points ledger's credit), keyed for idempotency. */
export type PointsCredit = (m: EntityManager, memberId: number, points: number, idempotencyKey: string, reason: string) => Promise<void>;

export class NewMemberGifts {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
    private readonly creditPoints: PointsCredit | null,
  ) {}

  /** The pack, creating the default one on first use (the pack row's fixed id settles a race). */
  async pack(): Promise<NewMemberPack> {
    const existing = await this.ds.getRepository(NewMemberPack).findOneBy({ id: PACK_ID });
    if (existing) return existing;
    try {
      await this.tx.run(async (m) => {
        const now = this.now();
        const t = await m.save(m.create(CouponTemplate, { ...DEFAULT_PACK.coupon, createdAt: now, updatedAt: now }));
        await m.insert(NewMemberPack, { id: PACK_ID, templateIds: [t.id], points: DEFAULT_PACK.points, active: true, updatedAt: now });
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return this.ds.getRepository(NewMemberPack).findOneByOrFail({ id: PACK_ID });
  }

  async setPack(input: { templateIds: number[]; points: number; active: boolean }): Promise<NewMemberPack> {
    const found = input.templateIds.length ? await this.ds.getRepository(CouponTemplate).countBy({ id: In(input.templateIds) }) : 0;
    if (found !== new Set(input.templateIds).size) throw new AppError('COUPON_TEMPLATE_NOT_FOUND', 'pack template');
    await this.pack();
    await this.tx.run((m) => m.update(NewMemberPack, { id: PACK_ID }, { ...input, updatedAt: this.now() }));
    return this.pack();
  }

  /** Grants the pack to a new member once; answers false when it was granted before. */
  async grant(memberId: number): Promise<boolean> {
    const pack = await this.pack();
    if (!pack.active) return false;
    for (const templateId of pack.templateIds) await ensureHolding(this.tx, templateId, memberId);
    try {
      await this.tx.run(async (m) => {
        const now = this.now();
        // The "exactly once" key first: a second grant stops here and rolls back.
        const gift = await m.save(m.create(NewMemberGift, { memberId, memberCouponIds: [], points: pack.points, grantedAt: now, popupShownAt: null }));
        const ids: number[] = [];
        for (const templateId of pack.templateIds) {
          // A template that is sold out or stopped is left out of this member's gift; its savepoint
          // undoes the holding it took, the rest of the gift still arrives.
          const got = await m.transaction((sp) => grantInTx(sp, { templateId, memberId, source: 'new_member', sourceRef: 'gift' }, now)).catch((err) => {
            if (err instanceof AppError) return null;
            throw err;
          });
          if (got) ids.push(got.coupon.id);
        }
        if (pack.points > 0 && this.creditPoints) await this.creditPoints(m, memberId, pack.points, `new_member:${memberId}`, '新人礼');
        await m.update(NewMemberGift, { id: gift.id }, { memberCouponIds: ids, points: this.creditPoints ? pack.points : 0 });
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async get(memberId: number): Promise<NewMemberGiftDto | null> {
    const gift = await this.ds.getRepository(NewMemberGift).findOneBy({ memberId });
    if (!gift) return null;
    const rows = gift.memberCouponIds.length ? await this.ds.getRepository(MemberCoupon).findBy({ id: In(gift.memberCouponIds), memberId }) : [];
    const templates = rows.length ? await this.ds.getRepository(CouponTemplate).findBy({ id: In(rows.map((r) => r.templateId)) }) : [];
    const byId = new Map(templates.map((t) => [t.id, t]));
    return { coupons: rows.map((r) => toMemberCouponDto(r, byId.get(r.templateId)!)), points: gift.points, grantedAt: gift.grantedAt.toISOString(), shown: !!gift.popupShownAt };
  }

  /** Records that the popup was shown; true only for the first call (compare-and-set on NULL). */
  async markShown(memberId: number): Promise<boolean> {
    const res = await this.tx.run((m) => m.update(NewMemberGift, { memberId, popupShownAt: IsNull() }, { popupShownAt: this.now() }));
    if (res.affected) return true;
    if (!(await this.ds.getRepository(NewMemberGift).existsBy({ memberId }))) throw new AppError('NEW_MEMBER_GIFT_NOT_FOUND', `member ${memberId}`);
    return false;
  }
}
