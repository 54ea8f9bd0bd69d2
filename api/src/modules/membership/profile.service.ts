/**
 * Member profiles: birthday (set once), growth value and tier. Growth moves by keyed entries
 * (an order's kept amount, a refund's), so a repeated event counts once; a growth increase may
 * upgrade at once, while a decrease waits for the monthly review (1st of the month, Shanghai),
 * so a tier never flaps within a day. Every tier change is logged with its reason.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { birthdayProblem, decideTier, isBirthdayMonth, isReviewDay, tierRule } from '@common/membership/rules';
import type { MembershipSettings, TierCode } from '@common/membership/settings';
import { shanghaiMonth } from '@common/membership/shanghai';
import type { MemberCardDto, PointsSummaryDto } from '@common/membership/types';
import { locked } from '../../db/locked-read';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { MemberGrowthEntry, MemberProfile, MemberTierLog } from './membership.entities';
import type { MembershipSettingsService } from './settings.service';

/** Locks the member's profile row, creating it (basic tier) on first use. */
export async function lockProfile(m: EntityManager, memberId: number, now: Date): Promise<MemberProfile> {
  const read = () => locked(m, m.createQueryBuilder(MemberProfile, 'p').where('p.member_id = :memberId', { memberId })).getOne();
  const found = await read();
  if (found) return found;
  // INSERT IGNORE: two first uses racing end on the one row the unique member_id allows.
  await m.createQueryBuilder().insert().into(MemberProfile).values({ memberId, birthday: null, growth: 0, tier: 'basic', tierSince: now, updatedAt: now }).orIgnore().execute();
  const created = await read();
  if (!created) throw new Error(`member profile ${memberId} missing after insert`);
  return created;
}

async function changeTier(m: EntityManager, p: MemberProfile, to: TierCode, reason: string, now: Date): Promise<void> {
  // Compare-and-set on the tier we read under the lock: the change and its log row happen once.
  const res = await m.createQueryBuilder().update(MemberProfile).set({ tier: to, tierSince: now, updatedAt: now }).where('id = :id AND tier = :from', { id: p.id, from: p.tier }).execute();
  if (res.affected !== 1) throw new Error(`member profile ${p.id} tier changed under the lock`);
  await m.insert(MemberTierLog, { memberId: p.memberId, fromTier: p.tier, toTier: to, growth: p.growth, reason: reason.slice(0, 64), createdAt: now });
}

export class MemberProfiles {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly settings: MembershipSettingsService,
    private readonly now: () => Date,
  ) {}

  /** The growth recorded under keys starting with `keyPrefix` (an order's growth entries). */
  async growthRecorded(m: EntityManager, keyPrefix: string): Promise<number> {
    const row = await m.query('SELECT COALESCE(SUM(delta), 0) AS n FROM member_growth_entry WHERE entry_key LIKE ?', [`${keyPrefix}%`]);
    return Number(row[0]?.n ?? 0);
  }

  /** Adds (or with a negative delta takes back) growth once per key; may upgrade the tier. */
  async addGrowth(m: EntityManager, memberId: number, key: string, delta: number, now: Date): Promise<void> {
    const p = await lockProfile(m, memberId, now);
    if (delta === 0 || (await m.findOneBy(MemberGrowthEntry, { key }))) return;
    await m.insert(MemberGrowthEntry, { memberId, key, delta, createdAt: now });
    // Conditional: growth never below zero (a refund only takes back what its order gave).
    const res = await m.createQueryBuilder().update(MemberProfile).set({ growth: () => `growth + ${delta}`, updatedAt: now }).where(`id = :id AND growth + ${delta} >= 0`, { id: p.id }).execute();
    if (res.affected !== 1) throw new Error(`member ${memberId}: growth ${p.growth} + ${delta} < 0`);
    p.growth += delta;
    const to = decideTier(p.tier, p.growth, 'growth', await this.settings.get(m));
    if (to) await changeTier(m, p, to, `growth:${key}`, now);
  }

  /** The monthly review of one member: the tier becomes what the growth earns, down included. */
  async review(memberId: number): Promise<TierCode | null> {
    const now = this.now();
    return this.tx.run(async (m) => {
      const p = await lockProfile(m, memberId, now);
      const to = decideTier(p.tier, p.growth, 'review', await this.settings.get(m));
      if (to) await changeTier(m, p, to, `review:${shanghaiMonth(now)}`, now);
      return to;
    });
  }

  /** The review job: on the 1st (Shanghai) every member whose tier is above what growth earns. */
  async reviewAll(): Promise<number> {
    if (!isReviewDay(this.now())) return 0;
    const rows = await this.ds.manager.find(MemberProfile, { select: { memberId: true }, where: {}, order: { id: 'ASC' } });
    let changed = 0;
    for (const r of rows) if (await this.review(r.memberId)) changed++;
    return changed;
  }

  async setBirthday(memberId: number, birthday: string): Promise<void> {
    const now = this.now();
    const problem = birthdayProblem(birthday, now);
    if (problem) throw new AppError('BIRTHDAY_INVALID', birthday, [{ field: 'birthday', message: problem }]);
    await this.tx.run(async (m) => {
      await lockProfile(m, memberId, now);
      // Set once: the condition refuses a change after it is set, however two requests interleave.
      const res = await m.createQueryBuilder().update(MemberProfile).set({ birthday, updatedAt: now }).where('member_id = :memberId AND birthday IS NULL', { memberId }).execute();
      if (res.affected !== 1) throw new AppError('BIRTHDAY_ALREADY_SET', `member ${memberId}`, [{ field: 'birthday', message: '生日已设置' }]);
    });
  }

  /** Tier and birthday as the rules need them (no row yet: basic, no birthday). */
  async standing(m: EntityManager, memberId: number): Promise<{ tier: TierCode; birthday: string | null; growth: number }> {
    const p = await m.findOneBy(MemberProfile, { memberId });
    return { tier: p?.tier ?? 'basic', birthday: p?.birthday ?? null, growth: p?.growth ?? 0 };
  }

  async card(memberId: number, points: PointsSummaryDto, s?: MembershipSettings): Promise<MemberCardDto> {
    const settings = s ?? (await this.settings.get());
    const { tier, birthday, growth } = await this.standing(this.ds.manager, memberId);
    const rule = tierRule(tier, settings);
    // The tier after the one held (held may be above what growth earns until the review).
    const above = settings.tiers[settings.tiers.findIndex((t) => t.code === tier) + 1];
    const next = above ? { tier: above, missing: Math.max(0, above.minGrowth - growth) } : null;
    return {
      tier,
      tierLabel: rule.label,
      growth,
      next: next ? { tier: next.tier.code, label: next.tier.label, missing: next.missing } : null,
      benefits: { pointsMultiplierPct: rule.pointsMultiplierPct, discountPct: rule.discountPct, birthdayMultiplierPct: rule.birthdayMultiplierPct },
      birthday,
      birthdayMonth: isBirthdayMonth(birthday, this.now()),
      points,
    };
  }

  tierLog(memberId: number): Promise<MemberTierLog[]> {
    return this.ds.manager.find(MemberTierLog, { where: { memberId }, order: { id: 'ASC' } });
  }
}
