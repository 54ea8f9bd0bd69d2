/**
 * Identifying a member at the counter by the member code (会员码) or by phone number. The code is
 * accepted for 2 minutes (platform/member-token.ts); a phone is looked up through the member
 * card's blind index. The answer is a member reference for this store's sales (24 h), the tier,
 * the points balance and the phone masked. Each member-code scan is recorded: the 双倍积分 offer
 * asks whether a WeCom add followed one (a phone lookup is not a scan: the offer is 凭会员码), and
 * the member-code page offers the guide of the store that scanned last.
 */
import type { DataSource } from 'typeorm';
import type { PosIdentified } from '@common/pos/types';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { verifyMemberToken } from '../../platform/member-token';
import type { MemberProfiles } from '../membership';
import { balanceOf } from '../points';
import { issueMemberRef } from './member-ref';
import type { PosCaller } from './pos.auth';
import { PosScan } from './pos.entities';

export class PosIdentify {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly profiles: MemberProfiles,
    private readonly memberExists: (memberId: number) => Promise<boolean>,
    private readonly phones: { findMemberIdByPhone(phone: string): Promise<number | null>; maskedPhoneOf(memberId: number): Promise<string | null> },
    private readonly secret: string,
    private readonly now: () => Date,
  ) {}

  async byToken(caller: PosCaller, token: string): Promise<PosIdentified> {
    const now = this.now();
    const check = verifyMemberToken(this.secret, token, now);
    if (!check.ok || !(await this.memberExists(check.memberId))) {
      throw new AppError('POS_MEMBER_CODE_INVALID', check.ok ? 'no such member' : check.reason, [{ field: 'memberToken', message: '会员码无效或已过期' }]);
    }
    const memberId = check.memberId;
    await this.tx.run((m) => m.insert(PosScan, { storeId: caller.storeId, memberId, scannedAt: now }));
    return this.answer(caller, memberId, now);
  }

  /** The member's latest member-code scan at any store (the member-code page offers that store's guide). */
  async lastScanOf(memberId: number): Promise<{ storeId: number; scannedAt: Date } | null> {
    const scan = await this.ds.manager.findOne(PosScan, { where: { memberId }, order: { scannedAt: 'DESC', id: 'DESC' } });
    return scan ? { storeId: scan.storeId, scannedAt: scan.scannedAt } : null;
  }

  /** 404 MEMBER_PHONE_NOT_FOUND when no member opened the card with this number. */
  async byPhone(caller: PosCaller, phone: string): Promise<PosIdentified> {
    const memberId = await this.phones.findMemberIdByPhone(phone);
    if (memberId === null) throw new AppError('MEMBER_PHONE_NOT_FOUND');
    return this.answer(caller, memberId, this.now());
  }

  private async answer(caller: PosCaller, memberId: number, now: Date): Promise<PosIdentified> {
    const { tier } = await this.profiles.standing(this.ds.manager, memberId);
    const { balance } = await balanceOf(this.ds.manager, memberId);
    const maskedPhone = await this.phones.maskedPhoneOf(memberId);
    return { memberRef: issueMemberRef(this.secret, memberId, caller.storeId, now), memberId, tier, pointsBalance: balance, maskedPhone };
  }
}
