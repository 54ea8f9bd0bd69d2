/**
 * Visit days: the mini-program calls POST /api/me/visit when it comes to the foreground with a
 * session. One row per member per Beijing day: the insert is ignored on the unique key, and only
 * the request whose insert took (affected rows = 1) publishes MemberVisited and moves the member's
 * last visit day. A small per-process memo answers repeat calls of the day without a write.
 */
import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '@common/membership/shanghai';
import type { Transactor } from '../../db/transaction';
import type { Outbox } from '../outbox';
import { MemberInsight } from './insight.entities';
import type { InsightPorts } from './insight.ports';
import type { InsightRows } from './insight.rows';

/** The memo forgets everything past this many members (a day's worth per instance is plenty). */
const MEMO_MAX = 50_000;

/** INSERT … ignoring a duplicate key, answering whether a row went in (the driver's affected rows). */
async function insertIgnored(m: EntityManager, memberId: number, day: string, now: Date): Promise<boolean> {
  const mysql = m.connection.options.type === 'mysql' || m.connection.options.type === 'mariadb';
  // SQLite keeps DATETIME as UTC text, the way TypeORM writes it; mysql2 binds the Date itself (timezone Z).
  const at = mysql ? now : now.toISOString().replace('T', ' ').replace('Z', '');
  const res = await m.queryRunner!.query(`${mysql ? 'INSERT IGNORE' : 'INSERT OR IGNORE'} INTO member_visit_day (member_id, day, created_at) VALUES (?, ?, ?)`, [memberId, day, at], true);
  return res.affected === 1;
}

export class Visits {
  private readonly memo = new Map<number, string>();

  constructor(
    private readonly tx: Transactor,
    private readonly outbox: Outbox,
    private readonly rows: InsightRows,
    private readonly ports: InsightPorts,
    private readonly now: () => Date,
  ) {}

  async record(memberId: number): Promise<{ day: string; recorded: boolean }> {
    const now = this.now();
    const day = shanghaiDate(now);
    if (this.memo.get(memberId) === day) return { day, recorded: false };
    await this.rows.ensure(memberId);
    const binding = await this.ports.bindingOf(memberId);
    const recorded = await this.tx.run(async (m) => {
      // Why by affected rows: two app shows of one member race; the unique (member, day) lets one insert in.
      if (!(await insertIgnored(m, memberId, day, now))) return false;
      await this.outbox.enqueue(m, 'MemberVisited', String(memberId), { memberId, day, storeId: binding?.storeId ?? null, guideId: binding?.guideId ?? null });
      // Why conditional: a visit only moves the day forward (a late writer of an older day loses);
      // a visit today means not asleep (沉睡用户 is "no visit in 30 days").
      await m
        .createQueryBuilder()
        .update(MemberInsight)
        .set({ lastVisitDay: day, tagDormant: false, updatedAt: now })
        .where('member_id = :memberId AND (last_visit_day IS NULL OR last_visit_day < :day)', { memberId, day })
        .execute();
      return true;
    });
    if (this.memo.size >= MEMO_MAX) this.memo.clear();
    this.memo.set(memberId, day);
    return { day, recorded };
  }
}
