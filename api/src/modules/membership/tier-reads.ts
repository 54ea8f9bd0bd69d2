/** Members' tiers for other modules (the sidebar's group view): read-only. */
import { In, type DataSource } from 'typeorm';
import { MemberProfile } from './membership.entities';
import type { MembershipSettingsService } from './settings.service';

export class TierReads {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: Pick<MembershipSettingsService, 'get'>,
  ) {}

  /** The tier label of each member (a member without a profile yet holds the first tier). */
  async labels(memberIds: readonly number[]): Promise<Map<number, string>> {
    if (!memberIds.length) return new Map();
    const [rows, s] = await Promise.all([this.ds.manager.find(MemberProfile, { where: { memberId: In([...new Set(memberIds)]) }, select: { memberId: true, tier: true } }), this.settings.get()]);
    const label = new Map(s.tiers.map((t) => [t.code as string, t.label]));
    const tierOf = new Map(rows.map((r) => [r.memberId, r.tier as string]));
    return new Map(memberIds.map((id) => [id, label.get(tierOf.get(id) ?? s.tiers[0].code) ?? '']));
  }
}
