/**
 * HQ's reads of member insight: the segment distribution, the members of a segment or tag (one
 * indexed page), one member's insight, manual tags; and the tags port the guides' views use.
 * A store manager's reads are confined to members bound to their store's guides (store_id).
 */
import { In, type SelectQueryBuilder } from 'typeorm';
import { recencyDays, SEGMENT_CODES, type SegmentCode } from '@common/insight/rfm';
import { manualTagProblem, MAX_MANUAL_TAGS, RULE_TAGS, type RuleTag } from '@common/insight/tags';
import type { MemberInsightDto, MemberTagsDto, SegmentDistributionDto, SegmentMemberRowDto } from '@common/insight/types';
import type { Page } from '@common/paging';
import { AppError } from '../../http/app-error';
import { MemberInsight, MemberManualTag } from './insight.entities';
import type { InsightCore } from './insight.ports';
import { ruleTagsOf } from './insight.score';

/** The boolean column of each rule tag. */
export const TAG_COLUMN: Record<RuleTag, string> = { dormant: 'tag_dormant', promo_sensitive: 'tag_promo', new: 'tag_new', high_value: 'tag_high_value' };

export interface MemberFilter {
  segment?: SegmentCode;
  tag?: RuleTag;
  manualTag?: string;
}

/** How long a distribution is reused: the console's charts and list totals may be this old. */
export const DISTRIBUTION_TTL_MS = 60_000;
/** Past this age a distribution is not answered while it is recounted: the reader waits for fresh counts. */
const DISTRIBUTION_MAX_STALE_MS = 10 * DISTRIBUTION_TTL_MS;

interface CachedDistribution {
  at: number;
  value: Promise<SegmentDistributionDto>;
  settled: boolean;
  refreshing: boolean;
}

export class InsightReads {
  /** Per store (or 'all'): the newest distribution and when it was counted; one count at a time per key. */
  private readonly cache = new Map<string, CachedDistribution>();

  constructor(private readonly d: InsightCore) {}

  private scoped(storeId: number | null): SelectQueryBuilder<MemberInsight> {
    const qb = this.d.ds.manager.createQueryBuilder(MemberInsight, 'i');
    if (storeId !== null) qb.where('i.store_id = :storeId', { storeId });
    else qb.where('1 = 1');
    return qb;
  }

  /**
   * Counts per segment and per rule tag (one grouped read), reused for a minute per store: at
   * 200,000 members the count takes a few hundred milliseconds, and the console reads it on every
   * page of a segment. Once a minute old, the last counts are answered while one recount runs
   * behind them, so no page waits for a recount (before, the pages of every reader that minute
   * waited for it); only the first read, or one after ten idle minutes, waits.
   */
  distribution(storeId: number | null): Promise<SegmentDistributionDto> {
    const key = String(storeId ?? 'all');
    const hit = this.cache.get(key);
    if (!hit) return this.count(key, storeId, null);
    const age = Date.now() - hit.at;
    if (age < DISTRIBUTION_TTL_MS || !hit.settled || hit.refreshing) return hit.value;
    hit.refreshing = true;
    const fresh = this.count(key, storeId, hit);
    return age < DISTRIBUTION_MAX_STALE_MS ? hit.value : fresh;
  }

  /** Counts and caches; a cold read's entry is shared at once, a refresh replaces `old` only when it lands. */
  private count(key: string, storeId: number | null, old: CachedDistribution | null): Promise<SegmentDistributionDto> {
    const entry: CachedDistribution = { at: Date.now(), value: this.countAll(storeId), settled: false, refreshing: false };
    if (!old) this.cache.set(key, entry);
    entry.value.then(
      () => {
        entry.settled = true;
        this.cache.set(key, entry);
      },
      () => {
        if (old) old.refreshing = false;
        else if (this.cache.get(key) === entry) this.cache.delete(key);
      },
    );
    return entry.value;
  }

  private async countAll(storeId: number | null): Promise<SegmentDistributionDto> {
    const qb = this.scoped(storeId).select('i.segment', 'segment').addSelect('COUNT(*)', 'n').groupBy('i.segment');
    for (const tag of RULE_TAGS) qb.addSelect(`SUM(CASE WHEN i.${TAG_COLUMN[tag]} = 1 THEN 1 ELSE 0 END)`, tag);
    const rows = await qb.getRawMany<{ segment: SegmentCode; n: string } & Record<RuleTag, string | number | null>>();
    const counts = new Map(rows.map((r) => [r.segment, Number(r.n)]));
    return {
      storeId,
      total: [...counts.values()].reduce((a, b) => a + b, 0),
      segments: SEGMENT_CODES.map((segment) => ({ segment, members: counts.get(segment) ?? 0 })),
      tags: RULE_TAGS.map((tag) => ({ tag, members: rows.reduce((a, r) => a + Number(r[tag] ?? 0), 0) })),
      scoredDay: (await this.d.settings.row()).scoredDay,
    };
  }

  /** One page of members of a segment, tag or manual tag, newest member first (keyed on member id). */
  async members(storeId: number | null, f: MemberFilter, page: number, pageSize: number): Promise<Page<SegmentMemberRowDto>> {
    const qb = this.scoped(storeId);
    if (f.segment) qb.andWhere('i.segment = :segment', { segment: f.segment });
    if (f.tag) qb.andWhere(`i.${TAG_COLUMN[f.tag]} = 1`);
    if (f.manualTag) qb.andWhere('i.member_id IN (SELECT t.member_id FROM member_manual_tag t WHERE t.tag = :manualTag)', { manualTag: f.manualTag });
    // One segment or one tag: the total is the distribution's (at most a minute old), not a COUNT per page.
    const single = !f.manualTag && !!f.segment !== !!f.tag ? await this.distribution(storeId) : null;
    const total = single ? (f.segment ? single.segments.find((x) => x.segment === f.segment)!.members : single.tags.find((x) => x.tag === f.tag)!.members) : await qb.getCount();
    const rows = await qb.orderBy('i.member_id', 'DESC').skip((page - 1) * pageSize).take(pageSize).getMany();
    const ids = rows.map((r) => r.memberId);
    const [names, manual] = [await this.d.ports.nicknames(ids), await this.manualTagsOf(ids)];
    return {
      items: rows.map((r) => ({
        memberId: r.memberId,
        nickname: names.get(r.memberId) ?? '',
        segment: r.segment,
        ruleTags: ruleTagsOf(r),
        manualTags: manual.get(r.memberId) ?? [],
        lastPaidAt: r.lastPaidAt ? new Date(r.lastPaidAt).toISOString() : null,
        frequency: r.frequency,
        monetaryFen: r.monetaryFen,
        lastVisitDay: r.lastVisitDay,
      })),
      page,
      pageSize,
      total,
      hasMore: page * pageSize < total,
    };
  }

  /**
   * The HQ member list's segment filter: member ids of a segment, newest first, one page on
   * idx_member_insight_segment; `within` narrows it to a search's matches (at most a thousand).
   */
  async segmentPage(segment: SegmentCode, page: number, pageSize: number, within?: readonly number[]): Promise<{ ids: number[]; total: number }> {
    if (within && !within.length) return { ids: [], total: 0 };
    const qb = this.scoped(null).andWhere('i.segment = :segment', { segment });
    if (within) qb.andWhere('i.member_id IN (:...within)', { within });
    const total = within ? await qb.getCount() : (await this.distribution(null)).segments.find((x) => x.segment === segment)!.members;
    const rows = await qb.select('i.member_id', 'id').orderBy('i.member_id', 'DESC').offset((page - 1) * pageSize).limit(pageSize).getRawMany<{ id: number }>();
    return { ids: rows.map((r) => Number(r.id)), total };
  }

  /** One member's insight; 404 for a member the caller may not see (or who has no row yet). */
  async member(memberId: number, visible: boolean): Promise<MemberInsightDto> {
    const r = visible ? await this.d.ds.manager.findOneBy(MemberInsight, { memberId }) : null;
    if (!r) throw new AppError('MEMBER_NOT_FOUND', `member ${memberId}`);
    const now = this.d.now();
    const { thresholds } = await this.d.settings.scoring();
    const lastPaidAt = r.lastPaidAt ? new Date(r.lastPaidAt) : null;
    return {
      memberId,
      segment: r.segment,
      ruleTags: ruleTagsOf(r),
      manualTags: (await this.manualTagsOf([memberId])).get(memberId) ?? [],
      registeredAt: new Date(r.registeredAt).toISOString(),
      lastPaidAt: lastPaidAt?.toISOString() ?? null,
      recencyDays: lastPaidAt ? recencyDays(lastPaidAt, now) : null,
      frequency: r.frequency,
      monetaryFen: r.monetaryFen,
      promoOrders: r.promoOrders,
      lastVisitDay: r.lastVisitDay,
      guideId: r.guideId,
      storeId: r.storeId,
      scores: lastPaidAt
        ? {
            r: recencyDays(lastPaidAt, now) <= thresholds.recencyDays,
            f: r.frequency >= thresholds.frequency,
            m: r.monetaryFen >= thresholds.monetaryFen,
          }
        : null,
    };
  }

  /** HQ replaces a member's manual tags (at most 10, each 1–12 characters). */
  async setManualTags(memberId: number, tags: readonly string[], by: string): Promise<string[]> {
    const wanted = [...new Set(tags.map((t) => t.trim()))];
    for (const [i, t] of wanted.entries()) {
      const problem = manualTagProblem(t);
      if (problem) throw new AppError('INSIGHT_TAG_INVALID', problem, [{ field: `tags.${i}`, message: problem }]);
    }
    if (wanted.length > MAX_MANUAL_TAGS) throw new AppError('INSIGHT_TAG_LIMIT', `${wanted.length} tags`, [{ field: 'tags', message: `最多 ${MAX_MANUAL_TAGS} 个` }]);
    if (!(await this.d.ds.manager.existsBy(MemberInsight, { memberId }))) throw new AppError('MEMBER_NOT_FOUND', `member ${memberId}`);
    const now = this.d.now();
    await this.d.tx.run(async (m) => {
      const have = (await m.findBy(MemberManualTag, { memberId })).map((t) => t.tag);
      const gone = have.filter((t) => !wanted.includes(t));
      if (gone.length) await m.delete(MemberManualTag, { memberId, tag: In(gone) });
      const added = wanted.filter((t) => !have.includes(t)).map((tag) => ({ memberId, tag, createdBy: by, createdAt: now }));
      // Ignored on (member, tag): two HQ edits at once add a tag once.
      if (added.length) await m.createQueryBuilder().insert().into(MemberManualTag).values(added).orIgnore().execute();
    });
    return (await this.manualTagsOf([memberId])).get(memberId) ?? [];
  }

  async manualTagsOf(memberIds: readonly number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (!memberIds.length) return out;
    const rows = await this.d.ds.manager.find(MemberManualTag, { where: { memberId: In([...memberIds]) }, order: { id: 'ASC' } });
    for (const r of rows) out.set(r.memberId, [...(out.get(r.memberId) ?? []), r.tag]);
    return out;
  }

  /** The guides' port: segment and tags of their customers (members without a row: 潜在用户, no tags). */
  async tagsOf(memberIds: readonly number[]): Promise<Map<number, MemberTagsDto>> {
    const out = new Map<number, MemberTagsDto>();
    if (!memberIds.length) return out;
    const rows = await this.d.ds.manager.findBy(MemberInsight, { memberId: In([...new Set(memberIds)]) });
    const manual = await this.manualTagsOf(memberIds);
    for (const id of memberIds) out.set(id, { segment: 'potential', ruleTags: [], manualTags: manual.get(id) ?? [] });
    for (const r of rows) out.set(r.memberId, { segment: r.segment, ruleTags: ruleTagsOf(r), manualTags: manual.get(r.memberId) ?? [] });
    return out;
  }
}
