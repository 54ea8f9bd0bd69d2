/**
 * 开卡 and the phone number: a getPhoneNumber code is exchanged with WeChat (outside any
 * transaction: it is a billed external call), the number is sealed and indexed, and the row is
 * written by one upsert. The counter's lookups (findMemberIdByPhone) go through the blind index
 * only; the full number is decrypted for one member at a time (the HQ reveal, which is audited).
 */
import type { DataSource } from 'typeorm';
import { maskPhone, normalizePhone } from '@common/member-card/phone';
import type { MemberCardStatusDto, MemberCodeDto, MemberPhoneRevealDto } from '@common/member-card/types';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../http/app-error';
import { issueMemberToken } from '../../platform/member-token';
import { WeChatApiError, WeChatUnavailableError, type WeChatClient } from '../../wechat/client';
import { MemberPhone } from './member-card.entities';
import type { PhoneVault } from './phone-vault';

/** What WeChat's refusal means to the shopper. */
function phoneErrorOf(err: unknown): unknown {
  if (err instanceof WeChatApiError) {
    if (err.errcode === 40029 || err.errcode === 40163) return new AppError('PHONE_CODE_INVALID', err.errmsg);
    if (err.errcode === 45011) return new AppError('PHONE_RATE_LIMITED', err.errmsg);
    return new AppError('WECHAT_UNAVAILABLE', `errcode ${err.errcode}: ${err.errmsg}`);
  }
  if (err instanceof WeChatUnavailableError) return new AppError('WECHAT_UNAVAILABLE', err.message);
  return err;
}

export class MemberCards {
  constructor(
    private readonly ds: DataSource,
    private readonly wechat: WeChatClient,
    private readonly vault: PhoneVault,
    private readonly sessionSecret: string,
    private readonly now: () => Date,
  ) {}

  private row(memberId: number): Promise<MemberPhone | null> {
    return this.ds.getRepository(MemberPhone).findOneBy({ memberId });
  }

  async status(memberId: number): Promise<MemberCardStatusDto> {
    const row = await this.row(memberId);
    return { opened: !!row, maskedPhone: row?.masked ?? null, openedAt: row?.openedAt.toISOString() ?? null };
  }

  /** 开卡 (or a new number for an open card): the button's one-time code → WeChat → sealed row. */
  async open(memberId: number, code: string): Promise<MemberCardStatusDto> {
    const phone = await this.wechat.getUserPhoneNumber(code).catch((err: unknown) => {
      throw phoneErrorOf(err);
    });
    const canonical = phone.countryCode === '86' ? normalizePhone(phone.purePhoneNumber) : null;
    if (!canonical) throw new AppError('PHONE_NOT_SUPPORTED', `country code ${phone.countryCode}`);
    await this.store(memberId, canonical);
    return this.status(memberId);
  }

  /**
   * Insert-or-update keyed by the member (primary key). Why not read-then-write: two taps of the
   * button race; the insert's unique key decides, and the loser updates the row the winner made.
   * opened_at stays the first 开卡's time.
   */
  private async store(memberId: number, canonical: string): Promise<void> {
    const sealed = this.vault.seal(canonical);
    const values = { keyId: sealed.keyId, cipher: sealed.cipher, phoneIndex: this.vault.indexOf(canonical), masked: maskPhone(canonical), countryCode: '86', verifiedAt: this.now() };
    const repo = this.ds.getRepository(MemberPhone);
    try {
      await repo.insert({ memberId, openedAt: this.now(), ...values });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const res = await repo.update({ memberId }, values);
      if (!res.affected) throw new Error(`member_phone ${memberId} vanished between insert and update`);
    }
  }

  /** The member behind a phone number, by the blind index (the most recently verified holder). */
  async findMemberIdByPhone(phone: string): Promise<number | null> {
    const canonical = normalizePhone(phone);
    if (!canonical) return null;
    const row = await this.ds.getRepository(MemberPhone).findOne({ where: { phoneIndex: this.vault.indexOf(canonical) }, order: { verifiedAt: 'DESC' }, select: { memberId: true } });
    return row?.memberId ?? null;
  }

  async maskedPhoneOf(memberId: number): Promise<string | null> {
    return (await this.row(memberId))?.masked ?? null;
  }

  async phoneOf(memberId: number): Promise<{ maskedPhone: string | null; verifiedAt: string | null }> {
    const row = await this.row(memberId);
    return { maskedPhone: row?.masked ?? null, verifiedAt: row?.verifiedAt.toISOString() ?? null };
  }

  /** The full number of one member (HQ reveal; the route is audited). */
  async reveal(memberId: number): Promise<MemberPhoneRevealDto> {
    const row = await this.row(memberId);
    if (!row) throw new AppError('MEMBER_PHONE_NOT_FOUND');
    return { memberId, maskedPhone: row.masked, fullPhone: this.vault.open(row), countryCode: row.countryCode };
  }

  /** 会员码: a fresh signed token; the card must be open (the counter's member is a phone-verified one). */
  async memberCode(memberId: number): Promise<MemberCodeDto> {
    if (!(await this.row(memberId))) throw new AppError('MEMBER_CARD_NOT_OPENED');
    const now = this.now();
    const t = issueMemberToken(this.sessionSecret, memberId, now);
    return { token: t.token, issuedAt: t.issuedAt.toISOString(), expiresAt: t.expiresAt.toISOString(), refreshAt: t.refreshAt.toISOString(), serverNow: now.toISOString() };
  }
}
