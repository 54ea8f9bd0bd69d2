/** Group-buy join facts for other modules (the sidebar's group view): read-only. */
import { In, MoreThanOrEqual, Not, type DataSource } from 'typeorm';
import { GbSeat } from './groupbuy.entities';

export class JoinReads {
  constructor(private readonly ds: DataSource) {}

  /** Seats these members took since `from` and still hold or paid (a lapsed unpaid seat is not a join). */
  async count(memberIds: readonly number[], from: Date): Promise<number> {
    if (!memberIds.length) return 0;
    return this.ds.manager.countBy(GbSeat, { memberId: In([...new Set(memberIds)]), createdAt: MoreThanOrEqual(from), status: Not('released') });
  }
}
