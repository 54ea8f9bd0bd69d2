/** Sign-in facts for other modules (the sidebar's group view): read-only. */
import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import { PointsSignin } from './points.entities';

export class SigninReads {
  constructor(private readonly ds: DataSource) {}

  /** Sign-ins by these members on or after `fromDay` (YYYY-MM-DD, Asia/Shanghai). */
  async count(memberIds: readonly number[], fromDay: string): Promise<number> {
    if (!memberIds.length) return 0;
    return this.ds.manager.countBy(PointsSignin, { memberId: In([...new Set(memberIds)]), day: MoreThanOrEqual(fromDay) });
  }

  /** Of these members, those who signed in on `day` (by the unique (member_id, day) index). */
  async signedInOn(memberIds: readonly number[], day: string): Promise<number[]> {
    if (!memberIds.length) return [];
    const rows = await this.ds.manager.find(PointsSignin, { select: { memberId: true }, where: { memberId: In([...new Set(memberIds)]), day } });
    return rows.map((r) => r.memberId);
  }
}
