/**
 * Acting on a segment: HQ pushes a coupon template to a segment or a rule tag. The push row is
 * made once per batch key (unique), with a SegmentPushRequested event in the same transaction; the
 * handler grants through the coupons module's push (each member once per batch: the copy's
 * unique grant key), a page of members at a time, resuming after the last member done. Parallel
 * requests with one batch key make one push; parallel handler runs grant each member once.
 */
import type { DataSource } from 'typeorm';
import type { SegmentCode } from '@common/insight/rfm';
import type { RuleTag } from '@common/insight/tags';
import type { PushTarget, SegmentPushDto, SegmentPushStatsDto } from '@common/insight/types';
import type { Page } from '@common/paging';
import { isUniqueViolation } from '../../db/errors';
import { rowsPage } from '../../db/rows-page';
import { beijingDayStart } from '../../http/list-query';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { Outbox } from '../outbox';
import { MemberInsight, SegmentPush } from './insight.entities';
import { TAG_COLUMN } from './insight.reads';
import type { PushListInput } from './insight.schema';

/**
 * Members read and granted per page, and pages one handler run grants (1,000 members) before it
 * hands the rest to a follow-up event: each run stays well inside the outbox's claim.
 */
export const PUSH_PAGING = { page: 200, pagesPerRun: 5 };
/** Members one handler run grants before the follow-up event takes over. */
export const MEMBERS_PER_RUN = PUSH_PAGING.page * PUSH_PAGING.pagesPerRun;

export interface PushPorts {
  templateName(templateId: number): Promise<string | null>;
  grant(templateId: number, memberIds: readonly number[], batchKey: string): Promise<unknown>;
  batchStats(templateId: number, batchKey: string): Promise<{ received: number; used: number; orderIds: number[] }>;
  /** Net of refunds of the paid ones of these orders. */
  gmvFen(orderIds: readonly number[]): Promise<number>;
}

/** The coupons batch key of a segment push (its own namespace beside HQ's hand-made batches). */
const couponBatch = (p: Pick<SegmentPush, 'batchKey'>) => `seg.${p.batchKey}`;

const targetOf = (p: SegmentPush): PushTarget => (p.targetKind === 'segment' ? { kind: 'segment', segment: p.target as SegmentCode } : { kind: 'tag', tag: p.target as RuleTag });

export class SegmentPushes {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly outbox: Outbox,
    private readonly ports: PushPorts,
    private readonly now: () => Date,
    private readonly paging: { page: number; pagesPerRun: number } = PUSH_PAGING,
  ) {}

  private targetWhere(t: PushTarget): { sql: string; params: Record<string, unknown> } {
    return t.kind === 'segment' ? { sql: 'i.segment = :segment', params: { segment: t.segment } } : { sql: `i.${TAG_COLUMN[t.tag]} = 1`, params: {} };
  }

  /** 201 with a new push, or the same push again for a repeated request (same key, template and target). */
  async create(input: { batchKey: string; templateId: number; target: PushTarget }, by: string): Promise<{ push: SegmentPushDto; created: boolean }> {
    const name = await this.ports.templateName(input.templateId);
    if (name === null) throw new AppError('COUPON_TEMPLATE_NOT_FOUND', `template ${input.templateId}`);
    const where = this.targetWhere(input.target);
    const members = await this.ds.manager.createQueryBuilder(MemberInsight, 'i').where(where.sql, where.params).getCount();
    const target = input.target.kind === 'segment' ? input.target.segment : input.target.tag;
    const existing = await this.ds.manager.findOneBy(SegmentPush, { batchKey: input.batchKey });
    if (existing) return { push: this.same(existing, input.templateId, input.target.kind, target, name), created: false };
    if (!members) throw new AppError('SEGMENT_PUSH_EMPTY', `${input.target.kind} ${target}`);
    const now = this.now();
    try {
      const push = await this.tx.run(async (m) => {
        // Why unique: parallel requests with one batch key race here; the key lets one row in.
        const row = await m.save(
          m.create(SegmentPush, { batchKey: input.batchKey, templateId: input.templateId, targetKind: input.target.kind, target, status: 'running', members, cursorMemberId: 0, createdBy: by, createdAt: now, finishedAt: null }),
        );
        await this.outbox.enqueue(m, 'SegmentPushRequested', row.id, { pushId: row.id });
        return row;
      });
      return { push: dtoOf(push, name), created: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const won = await this.ds.manager.findOneByOrFail(SegmentPush, { batchKey: input.batchKey });
      return { push: this.same(won, input.templateId, input.target.kind, target, name), created: false };
    }
  }

  private same(p: SegmentPush, templateId: number, kind: string, target: string, name: string): SegmentPushDto {
    if (p.templateId !== templateId || p.targetKind !== kind || p.target !== target) throw new AppError('SEGMENT_PUSH_KEY_TAKEN', p.batchKey);
    return dtoOf(p, name);
  }

  /**
   * The handler: grants page by page in member id order, a bounded number of pages per run, then
   * enqueues a follow-up event for the rest. Safe to run twice at once: the grant keys give each
   * member one copy, and the cursor only moves forward.
   */
  async deliver(pushId: number): Promise<void> {
    const p = await this.ds.manager.findOneBy(SegmentPush, { id: pushId });
    if (!p || p.status === 'done') return;
    const where = this.targetWhere(targetOf(p));
    for (let after = p.cursorMemberId, pages = 0; ; pages++) {
      if (pages === this.paging.pagesPerRun) {
        await this.tx.run((m) => this.outbox.enqueue(m, 'SegmentPushRequested', pushId, { pushId }));
        return;
      }
      const ids = (
        await this.ds.manager
          .createQueryBuilder(MemberInsight, 'i')
          .select('i.memberId', 'id')
          .where(where.sql, where.params)
          .andWhere('i.member_id > :after', { after })
          .orderBy('i.member_id', 'ASC')
          .limit(this.paging.page)
          .getRawMany<{ id: number }>()
      ).map((r) => Number(r.id));
      if (!ids.length) break;
      await this.ports.grant(p.templateId, ids, couponBatch(p));
      after = ids[ids.length - 1];
      // Why conditional: two runs of the handler move the cursor forward only, never back.
      await this.ds.manager.createQueryBuilder().update(SegmentPush).set({ cursorMemberId: after }).where('id = :id AND cursor_member_id < :after', { id: pushId, after }).execute();
    }
    await this.ds.manager.createQueryBuilder().update(SegmentPush).set({ status: 'done', finishedAt: this.now() }).where("id = :id AND status = 'running'", { id: pushId }).execute();
  }

  /**
   * HQ's push list, newest first: idx_segment_push_created serves the order, and
   * (target_kind, target, created_at, id) a segment or tag filter (migration 1796700000003).
   */
  list(f: PushListInput): Promise<Page<SegmentPushStatsDto>> {
    const qb = this.ds.manager.createQueryBuilder(SegmentPush, 'p');
    if (f.segment) qb.andWhere("p.targetKind = 'segment' AND p.target = :segment", { segment: f.segment });
    if (f.tag) qb.andWhere("p.targetKind = 'tag' AND p.target = :tag", { tag: f.tag });
    if (f.from) qb.andWhere('p.createdAt >= :from', { from: beijingDayStart(f.from, 0) });
    if (f.to) qb.andWhere('p.createdAt < :to', { to: beijingDayStart(f.to, 1) });
    qb.orderBy('p.createdAt', 'DESC').addOrderBy('p.id', 'DESC');
    return rowsPage(qb, f, (l) => l.getMany(), (rows) => Promise.all(rows.map((p) => this.statsOf(p))));
  }

  async stats(pushId: number): Promise<SegmentPushStatsDto> {
    const p = await this.ds.manager.findOneBy(SegmentPush, { id: pushId });
    if (!p) throw new AppError('SEGMENT_PUSH_NOT_FOUND', `push ${pushId}`);
    return this.statsOf(p);
  }

  private async statsOf(p: SegmentPush): Promise<SegmentPushStatsDto> {
    const s = await this.ports.batchStats(p.templateId, couponBatch(p));
    return { ...dtoOf(p, (await this.ports.templateName(p.templateId)) ?? ''), received: s.received, used: s.used, gmvFen: await this.ports.gmvFen(s.orderIds) };
  }
}

function dtoOf(p: SegmentPush, templateName: string): SegmentPushDto {
  return {
    id: p.id,
    batchKey: p.batchKey,
    templateId: p.templateId,
    templateName,
    target: targetOf(p),
    status: p.status,
    members: p.members,
    createdAt: new Date(p.createdAt).toISOString(),
    finishedAt: p.finishedAt ? new Date(p.finishedAt).toISOString() : null,
  };
}
