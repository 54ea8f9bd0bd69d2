/**
 * Login for shoppers (WeChat code -> member) and HQ operators (username/password), and the
 * lookups the authenticator needs.
 */
import { In, MoreThan, type DataSource } from 'typeorm';
import type { HqRole, HqSession, MemberDto, ShopperSession } from '@common/auth/types';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { WeChatApiError, WeChatUnavailableError, type WeChatClient } from '../../wechat/client';
import { HqAdmin, Member } from './auth.entities';
import { LoginGuard } from './login-guard';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import type { Outbox } from '../outbox';
import { AUD_HQ, AUD_SHOPPER, type TokenService } from './tokens';

const DEFAULT_NICKNAME = '微信用户';

export function toMemberDto(m: Member): MemberDto {
  return { id: m.id, nickname: m.nickname, avatarUrl: m.avatarUrl, hasUnionId: m.unionid !== null, createdAt: m.createdAt.toISOString() };
}

/** WeChat's errcodes that mean something to the shopper; anything else is "WeChat is down". */
function mapWeChatError(err: unknown): AppError {
  if (err instanceof WeChatApiError) {
    if (err.errcode === 40029 || err.errcode === 40163) return new AppError('WECHAT_CODE_INVALID', err.errmsg);
    if (err.errcode === 45011) return new AppError('WECHAT_RATE_LIMITED', err.errmsg);
    if (err.errcode === 40226) return new AppError('WECHAT_RISKY_USER', err.errmsg);
    return new AppError('WECHAT_UNAVAILABLE', `errcode ${err.errcode}: ${err.errmsg}`);
  }
  if (err instanceof WeChatUnavailableError) return new AppError('WECHAT_UNAVAILABLE', err.message);
  throw err;
}

export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly wechat: WeChatClient,
    private readonly tokens: TokenService,
    private readonly outbox: Outbox,
    private readonly now: () => Date,
  ) {
    this.guard = new LoginGuard(ds, now);
  }

  private readonly guard: LoginGuard;

  /**
   * `shareToken`: the token of the share path the shopper arrived by, if any. Recorded (unverified)
   * on MemberRegistered when this login creates the member; the referral and guide features
   * verify it themselves.
   */
  async shopperLogin(code: string, shareToken: string | null = null): Promise<ShopperSession> {
    // The WeChat call happens before any transaction: a retried transaction must not re-spend
    // the one-time code.
    const session = await this.wechat.code2Session(code).catch((err) => {
      throw mapWeChatError(err);
    });
    const { member, isNew } = await this.upsertMember(session.openid, session.unionid, shareToken);
    const { token, expiresAt } = await this.tokens.issue({ aud: AUD_SHOPPER, memberId: member.id });
    return { token, expiresAt: expiresAt.toISOString(), member: toMemberDto(member), isNew };
  }

  private async upsertMember(openid: string, unionid: string | null, shareToken: string | null): Promise<{ member: Member; isNew: boolean }> {
    const repo = this.ds.getRepository(Member);
    const now = this.now();
    const existing = await repo.findOneBy({ openid });
    if (!existing) {
      try {
        const member = await this.tx.run(async (m) => {
          const created = await m.save(m.create(Member, { openid, unionid, nickname: DEFAULT_NICKNAME, avatarUrl: null, createdAt: now, lastLoginAt: now }));
          // In the creating transaction: exactly one MemberRegistered per member, even when two
          // first logins race (the loser's insert fails on the unique openid and rolls back).
          await this.outbox.enqueue(m, 'MemberRegistered', created.id, { memberId: created.id, shareToken });
          return created;
        });
        return { member, isNew: true };
      } catch (err) {
        // Two first logins of one shopper raced; the unique openid let exactly one insert win.
        if (!isUniqueViolation(err)) throw err;
      }
    }
    await this.tx.run(async (m) => {
      // unionid only ever goes from unknown to known: a later login without it keeps the old one.
      await m.update(Member, { openid }, unionid ? { lastLoginAt: now, unionid } : { lastLoginAt: now });
    });
    return { member: await repo.findOneByOrFail({ openid }), isNew: false };
  }

  async memberById(id: number): Promise<Member | null> {
    return this.ds.getRepository(Member).findOneBy({ id });
  }

  /** The member with this WeChat unionid, if any. */
  async memberIdByUnionid(unionid: string): Promise<number | null> {
    return (await this.ds.getRepository(Member).findOne({ where: { unionid }, select: { id: true } }))?.id ?? null;
  }

  /** Members by WeChat unionid (the sidebar matches a customer group's members). */
  async memberIdsByUnionids(unionids: readonly string[]): Promise<Map<string, number>> {
    if (!unionids.length) return new Map();
    const rows = await this.ds.getRepository(Member).find({ where: { unionid: In([...new Set(unionids)]) }, select: { id: true, unionid: true } });
    return new Map(rows.map((m) => [m.unionid!, m.id]));
  }

  /** The members of `ids` that exist (a read port: other modules never read the member table). */
  /** A member's display name (WeChat no longer gives one at login; the demo seed names its shoppers). */
  async setNickname(memberId: number, nickname: string): Promise<void> {
    await this.ds.getRepository(Member).update({ id: memberId }, { nickname: nickname.slice(0, 32) });
  }

  async membersByIds(ids: readonly number[]): Promise<Member[]> {
    return ids.length ? this.ds.getRepository(Member).findBy({ id: In([...new Set(ids)]) }) : [];
  }

  /** Members with an id above `afterId`, ascending, at most `limit` (a read port for batch jobs: id and registration time). */
  async membersAfter(afterId: number, limit: number): Promise<{ id: number; createdAt: Date }[]> {
    return this.ds.getRepository(Member).find({ where: { id: MoreThan(afterId) }, select: { id: true, createdAt: true }, order: { id: 'ASC' }, take: limit });
  }

  /** `ip`: the caller's address, for the per-address brake (login-guard.ts). */
  async hqLogin(username: string, password: string, ip = 'unknown'): Promise<HqSession> {
    const admin = await this.ds.getRepository(HqAdmin).findOneBy({ username });
    this.guard.checkBefore(ip, admin);
    const ok = await verifyPassword(password, admin?.passwordHash ?? DUMMY_HASH);
    if (!admin || !admin.active || !ok) {
      await this.guard.failed(ip, admin);
      throw new AppError('HQ_LOGIN_FAILED');
    }
    await this.guard.succeeded(admin);
    const { token, expiresAt } = await this.tokens.issue({ aud: AUD_HQ, adminId: admin.id, role: admin.role });
    return { token, expiresAt: expiresAt.toISOString(), username: admin.username, role: admin.role, storeId: admin.storeId };
  }

  /** Members who joined in [from, to) (概览's 新会员; by the created_at index). */
  async membersCreatedBetween(from: Date, to: Date): Promise<number> {
    return this.ds.getRepository(Member).createQueryBuilder('m').where('m.createdAt >= :from AND m.createdAt < :to', { from, to }).getCount();
  }

  async activeAdmin(id: number): Promise<HqAdmin | null> {
    return this.ds.getRepository(HqAdmin).findOneBy({ id, active: true });
  }

  /** Creates an HQ account; a taken username is a 409-free no-op for the bootstrap path. */
  async createAdmin(username: string, password: string, role: HqRole, storeId: number | null = null): Promise<HqAdmin> {
    const passwordHash = await hashPassword(password);
    return this.tx.run((m) => m.save(m.create(HqAdmin, { username, passwordHash, role, storeId, active: true, lockedUntil: null, createdAt: this.now() })));
  }

  /**
   * First boot: create the owner account from configuration when no HQ account exists.
   * Two instances booting together are kept to one account by the unique username.
   */
  async bootstrapOwner(username: string, password: string): Promise<boolean> {
    if ((await this.ds.getRepository(HqAdmin).count()) > 0) return false;
    try {
      await this.createAdmin(username, password, 'owner');
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}
