/**
 * Scheduled points work: expire lots past their date (each lot in its own transaction, once per
 * lot even when two instances run at once: see expireLot), and the reminder 30 days before
 * (one PointsExpiring event per member and expiry date, claimed by a conditional UPDATE).
 */
import type { DataSource } from 'typeorm';
import { EXPIRY_REMINDER_DAYS } from '@common/membership/rules';
import type { Transactor } from '../../db/transaction';
import type { Outbox } from '../outbox';
import { expireLot } from './ledger';
import { PointsLot } from './points.entities';

const BATCH = 500;

export class PointsJobs {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly outbox: Outbox,
    private readonly now: () => Date,
  ) {}

  /** Expires every due lot; answers how many this run expired. */
  async expireDue(): Promise<number> {
    const now = this.now();
    let expired = 0;
    for (;;) {
      const due = await this.ds.manager
        .createQueryBuilder(PointsLot, 'l')
        .select(['l.id'])
        .where('l.expires_at <= :now AND l.remaining > 0', { now })
        .orderBy('l.id', 'ASC')
        .limit(BATCH)
        .getMany();
      let round = 0;
      for (const lot of due) if (await this.tx.run((m) => expireLot(m, lot.id, now))) round++;
      expired += round;
      // A full batch where nothing expired (another run took them all) must not spin.
      if (due.length < BATCH || round === 0) return expired;
    }
  }

  /** Sends one reminder per member and expiry date for lots expiring within 30 days. */
  async remindExpiring(): Promise<number> {
    const now = this.now();
    const soon = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000);
    const groups: { member_id: number; expires_at: string | Date }[] = await this.ds.manager
      .createQueryBuilder(PointsLot, 'l')
      .select('l.member_id', 'member_id')
      .addSelect('l.expires_at', 'expires_at')
      .where('l.expires_at > :now AND l.expires_at <= :soon AND l.remaining > 0 AND l.reminded_at IS NULL', { now, soon })
      .groupBy('l.member_id')
      .addGroupBy('l.expires_at')
      .limit(BATCH)
      .getRawMany();
    let sent = 0;
    for (const g of groups) {
      const memberId = Number(g.member_id);
      const lots = await this.ds.manager.find(PointsLot, { where: { memberId }, order: { id: 'ASC' } });
      const mine = lots.filter((l) => l.remindedAt === null && l.remaining > 0 && l.expiresAt > now && l.expiresAt <= soon);
      if (!mine.length) continue;
      const expiresAt = mine[0].expiresAt;
      const same = mine.filter((l) => l.expiresAt.getTime() === expiresAt.getTime());
      const claimed = await this.tx.run(async (m) => {
        // Claim the lots with reminded_at IS NULL: of two runs at once, each lot goes to one.
        const res = await m
          .createQueryBuilder()
          .update(PointsLot)
          .set({ remindedAt: now })
          .where('id IN (:...ids) AND reminded_at IS NULL', { ids: same.map((l) => l.id) })
          .execute();
        if (!res.affected) return false;
        const points = same.reduce((s, l) => s + l.remaining, 0);
        await this.outbox.enqueue(m, 'PointsExpiring', memberId, { memberId, points, expiresAt: expiresAt.toISOString() });
        return true;
      });
      if (claimed) sent++;
    }
    return sent;
  }
}
