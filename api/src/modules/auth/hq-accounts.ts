/**
 * HQ accounts (总部账号) as the console manages them: list, create, change role/store or
 * disable, reset a password. The auth module owns hq_admin, so every write to it is here; the
 * routes (hq-accounts module) check the store through the guides module's port first.
 * The authenticator re-reads the account on every request, so a disable or a role change takes
 * effect on the caller's next request, whatever tokens they hold.
 */
import type { DataSource } from 'typeorm';
import type { HqRole } from '@common/auth/types';
import type { HqAccountDto } from '@common/hq/types';
import { needsStore } from '@common/hq/roles';
import type { Page } from '@common/paging';
import { isUniqueViolation } from '../../db/errors';
import { containsPattern } from '../../db/like';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { HqAdmin, HqLoginFailure } from './auth.entities';
import { hashPassword } from './passwords';

export function toAccountDto(a: HqAdmin): HqAccountDto {
  return {
    id: a.id,
    username: a.username,
    role: a.role,
    storeId: a.storeId,
    active: a.active,
    lockedUntil: a.lockedUntil ? a.lockedUntil.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
  };
}

const storeIssue = (message: string) => [{ field: 'body.storeId', message }];

/** A store manager must name a store; no other role may carry one. */
function checkRoleStore(role: HqRole, storeId: number | null): void {
  if (needsStore(role) && storeId === null) throw new AppError('HQ_STORE_REQUIRED', undefined, storeIssue('门店店长必须绑定门店'));
  if (!needsStore(role) && storeId !== null) throw new AppError('VALIDATION_FAILED', 'only a store manager has a store', storeIssue('仅门店店长可绑定门店'));
}

export class HqAccounts {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
  ) {}

  async list(q: { page: number; pageSize: number; role?: HqRole; q?: string }): Promise<Page<HqAccountDto>> {
    const qb = this.ds.getRepository(HqAdmin).createQueryBuilder('a');
    if (q.role) qb.andWhere('a.role = :role', { role: q.role });
    // The typed text is data: its % and _ match themselves (escaped with '!', which both databases honour).
    if (q.q) qb.andWhere("a.username LIKE :q ESCAPE '!'", { q: containsPattern(q.q) });
    const [rows, total] = await qb
      .orderBy('a.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map(toAccountDto), page: q.page, pageSize: q.pageSize, total, hasMore: q.page * q.pageSize < total };
  }

  async get(id: number): Promise<HqAccountDto> {
    const a = await this.ds.getRepository(HqAdmin).findOneBy({ id });
    if (!a) throw new AppError('HQ_ACCOUNT_NOT_FOUND');
    return toAccountDto(a);
  }

  async create(input: { username: string; password: string; role: HqRole; storeId: number | null }): Promise<HqAccountDto> {
    checkRoleStore(input.role, input.storeId);
    const passwordHash = await hashPassword(input.password);
    try {
      const a = await this.tx.run((m) =>
        m.save(m.create(HqAdmin, { username: input.username, passwordHash, role: input.role, storeId: input.storeId, active: true, lockedUntil: null, createdAt: this.now() })),
      );
      return toAccountDto(a);
    } catch (err) {
      // The unique username decides between two creates of one name.
      if (isUniqueViolation(err)) throw new AppError('HQ_USERNAME_TAKEN', undefined, [{ field: 'body.username', message: '用户名已被使用' }]);
      throw err;
    }
  }

  /** `actorId`: the caller; an owner may not disable or demote themselves (the last way back in). */
  async update(id: number, patch: { role?: HqRole; storeId?: number | null; active?: boolean }, actorId: number): Promise<HqAccountDto> {
    const current = await this.ds.getRepository(HqAdmin).findOneBy({ id });
    if (!current) throw new AppError('HQ_ACCOUNT_NOT_FOUND');
    if (id === actorId && ((patch.role !== undefined && patch.role !== current.role) || patch.active === false)) throw new AppError('HQ_ACCOUNT_SELF');
    const role = patch.role ?? current.role;
    // Moving away from store manager drops the store unless one is named.
    const storeId = patch.storeId !== undefined ? patch.storeId : needsStore(role) ? current.storeId : null;
    checkRoleStore(role, storeId);
    await this.tx.run((m) => m.update(HqAdmin, { id }, { role, storeId, ...(patch.active !== undefined ? { active: patch.active } : {}) }));
    return this.get(id);
  }

  /** A new password; also lifts a lockout and forgets the failures. */
  async resetPassword(id: number, password: string): Promise<HqAccountDto> {
    if (!(await this.ds.getRepository(HqAdmin).existsBy({ id }))) throw new AppError('HQ_ACCOUNT_NOT_FOUND');
    const passwordHash = await hashPassword(password);
    await this.tx.run(async (m) => {
      await m.update(HqAdmin, { id }, { passwordHash, lockedUntil: null });
      await m.delete(HqLoginFailure, { adminId: id });
    });
    return this.get(id);
  }

  /** For the audit log's "before": the account as the console shows it (never the hash). */
  async snapshot(id: number): Promise<HqAccountDto | null> {
    const a = await this.ds.getRepository(HqAdmin).findOneBy({ id });
    return a ? toAccountDto(a) : null;
  }
}
