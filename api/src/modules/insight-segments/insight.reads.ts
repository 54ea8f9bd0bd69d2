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

export class InsightReads {
  /** Per store (or 'all'): the newest distribution and when it was asked for; one query at a time per key. */
  private readonly cache = new Map<string, { at: number; value: Promise<SegmentDistributionDto> }>();

  constructor(private readonly d: InsightCore) {}

  private scoped(storeId: number | null): SelectQueryBuilder<MemberInsight> {
    const qb = this.d.ds.manager.createQueryBuilder(MemberInsight, 'i');
    if (storeId !== null) qb.where('i.store_id = :storeId', { storeId });
    else qb.where('1 = 1');
    return qb;
  }

  /**
   * Counts per segment (one GROUP BY on idx_member_insight_segment / _store) and per rule tag (one
   * indexed count each), reused for a minute per store: at 200,000 members the counts take a
   * second, and the console reads them on every page of a segment.
   */
  distribution(storeId: number | null): Promise<SegmentDistributionDto> {
    const key = String(storeId ?? 'all');
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < DISTRIBUTION_TTL_MS) return hit.value;
    const value = this.countAll(storeId);
    this.cache.set(key, { at: Date.now(), value });
    value.catch(() => this.cache.delete(key));
    return value;
  }

  private async countAll(storeId: number | null): Promise<SegmentDistributionDto> {
    const bySegment = await this.scoped(storeId).select('i.segment', 'segment').addSelect('COUNT(*)', 'n').groupBy('i.segment').getRawMany<{ segment: SegmentCode; n: string }>();
    const counts = new Map(bySegment.map((r) => [r.segment, Number(r.n)]));
    const tags = [];
    for (const tag of RULE_TAGS) tags.push({ tag, members: await this.scoped(storeId).andWhere(`i.${TAG_COLUMN[tag]} = 1`).getCount() });
    return {
      storeId,
      total: [...counts.values()].reduce((a, b) => a + b, 0),
      segments: SEGMENT_CODES.map((segment) => ({ segment, members: counts.get(segment) ?? 0 })),
      tags,
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
