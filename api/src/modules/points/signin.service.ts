/**
 * Daily sign-in: +5 once per member and Shanghai calendar day, with streak bonuses (7th day +20
 * by default). The sign-in row (unique member + day) and its ledger entry (`signin:<member>:<day>`)
 * commit together; a second sign-in the same day is a 409 and writes nothing.
 */
import { Between, type DataSource } from 'typeorm';
import { signinReward } from '@common/membership/rules';
import { addDays, shanghaiDate } from '@common/membership/shanghai';
import type { SigninResultDto, SigninStatusDto } from '@common/membership/types';
import { locked } from '../../db/locked-read';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { MembershipSettingsService } from '../membership';
import { credit } from './ledger';
import { lockAccount } from './ledger-sql';
import { PointsAccount, PointsSignin } from './points.entities';

export class SigninService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly settings: MembershipSettingsService,
    private readonly now: () => Date,
  ) {}

  async signIn(memberId: number): Promise<SigninResultDto> {
    const now = this.now();
    return this.tx.run(async (m) => {
      // The account lock serialises one member's sign-ins, so the streak is read after any twin committed.
      await lockAccount(m, memberId, now);
      const last = await locked(m, m.createQueryBuilder(PointsSignin, 's').where('s.member_id = :memberId', { memberId }).orderBy('s.day', 'DESC').limit(1)).getOne();
      const reward = signinReward(last?.day ?? null, last?.streak ?? 0, now, await this.settings.get(m));
      if (last?.day === reward.day) throw new AppError('POINTS_ALREADY_SIGNED_IN', `member ${memberId} ${reward.day}`);
      // The unique (member, day) key is the last word should anything bypass the lock above.
      await m.insert(PointsSignin, { memberId, day: reward.day, streak: reward.streak, points: reward.points, createdAt: now });
      const reason = reward.bonus ? `每日签到（连续${reward.streak}天）` : '每日签到';
      await credit(m, { memberId, points: reward.points, key: `signin:${memberId}:${reward.day}`, reason, kind: 'signin', now });
      const acct = await m.findOneByOrFail(PointsAccount, { memberId });
      return { day: reward.day, streak: reward.streak, points: reward.points, bonus: reward.bonus, balance: acct.balance };
    });
  }

  /** The month calendar of 签到 (`month` = `YYYY-MM`, default this month) and the current streak. */
  async status(memberId: number, month?: string): Promise<SigninStatusDto> {
    const now = this.now();
    const today = shanghaiDate(now);
    const ym = month ?? today.slice(0, 7);
    const rows = await this.ds.manager.find(PointsSignin, { where: { memberId, day: Between(`${ym}-01`, `${ym}-31`) }, order: { day: 'ASC' } });
    const last = await this.ds.manager.findOne(PointsSignin, { where: { memberId }, order: { day: 'DESC' } });
    const signedToday = last?.day === today;
    const alive = last && (last.day === today || last.day === addDays(today, -1));
    const streak = alive ? last.streak : 0;
    const next = signinReward(last?.day ?? null, last?.streak ?? 0, now, await this.settings.get());
    return { today, signedToday, streak, month: ym, days: rows.map((r) => r.day), todayPoints: signedToday ? last.points : next.points };
  }
}
